package cn.changning.governance.dispatch;

import cn.changning.governance.common.launch.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The dispatch service: sends filed cases to the stationed agencies responsible and follows them up. */
@SpringBootApplication
public class DispatchServiceApplication {

    public static final String SERVICE_NAME = "dispatch-service";

    public static void main(String[] args) {
        ServiceLauncher.run(DispatchServiceApplication.class, SERVICE_NAME, Map.of(), args);
    }
}
