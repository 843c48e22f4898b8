package cn.changning.governance.cases;

import cn.changning.governance.common.launch.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The case service: reports, files and follows every problem through the six-step closed loop. */
@SpringBootApplication
public class CaseServiceApplication {

    public static final String SERVICE_NAME = "case-service";

    public static void main(String[] args) {
        ServiceLauncher.run(CaseServiceApplication.class, SERVICE_NAME, Map.of(), args);
    }
}
