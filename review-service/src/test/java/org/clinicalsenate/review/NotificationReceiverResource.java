package org.clinicalsenate.review;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the {@link NotificationReceiver} on a free loopback port, points the notification REST
 * client at it, and hands it to every test field of type NotificationReceiver.
 */
public class NotificationReceiverResource implements QuarkusTestResourceLifecycleManager {

    private NotificationReceiver receiver;

    @Override
    public Map<String, String> start() {
        receiver = NotificationReceiver.startOnFreePort();
        return Map.of("quarkus.rest-client.notification.url", receiver.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(receiver, new TestInjector.MatchesType(NotificationReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }
}
