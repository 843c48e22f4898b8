package cn.changning.governance.assessment;

import cn.changning.governance.common.launch.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The assessment service: the dual assessment of stationed agencies (street and department) and resident satisfaction. Its domain is not built yet; it runs with the shared wiring so the stack, ports and topics are in place. */
@SpringBootApplication
public class AssessmentServiceApplication {

    public static final String SERVICE_NAME = "assessment-service";

    public static void main(String[] args) {
        ServiceLauncher.run(AssessmentServiceApplication.class, SERVICE_NAME, Map.of(), args);
    }
}
