package cn.changning.governance.benchmarks.support;

import cn.changning.governance.benchmarks.core.Http;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the platform's Kafka consumer bindings (Spring Cloud Stream), paused and resumed as its operators would: the
 * consumer stays in its group (no rebalance) and fetches nothing while paused, so a backlog builds on its topic.
 */
public interface ConsumerBinding {

    /** The binding's name, e.g. {@code case-projection-in-0}. */
    String name();

    void pause();

    void resume();

    /** A binding of an application in this JVM: its {@link BindingsLifecycleController}. */
    static ConsumerBinding inProcess(ConfigurableApplicationContext service, String binding) {
        BindingsLifecycleController bindings = service.getBean(BindingsLifecycleController.class);
        return new ConsumerBinding() {
            public String name() { return binding; }
            public void pause() { bindings.changeState(binding, BindingsLifecycleController.State.PAUSED); }
            public void resume() { bindings.changeState(binding, BindingsLifecycleController.State.RESUMED); }
        };
    }

    /**
     * A binding of a service in another process: {@code POST /actuator/bindings/{name}} on the service's own port
     * (needs {@code bindings} among the exposed endpoints and a token of the platform's).
     */
    static ConsumerBinding overHttp(Http http, String serviceUrl, String binding) {
        String url = serviceUrl + "/actuator/bindings/" + binding;
        return new ConsumerBinding() {
            public String name() { return binding; }
            public void pause() { change("PAUSED"); }
            public void resume() { change("RESUMED"); }

            private void change(String state) {
                Http.Response r = http.post(url, "{\"state\":\"" + state + "\"}");
                if (!r.ok()) {
                    throw new IllegalStateException("POST " + url + " " + state + ": " + r.status() + " " + r.body());
                }
            }
        };
    }
}
