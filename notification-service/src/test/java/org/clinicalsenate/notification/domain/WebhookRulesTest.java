package org.clinicalsenate.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)), 0.2);

    @Test
    void theScheduleGivesEachDelayWithUpToItsJitterThenEnds() {
        assertThat(SCHEDULE.next(1, NOW, Optional.empty(), 0)).contains(NOW.plusSeconds(5));
        assertThat(SCHEDULE.next(2, NOW, Optional.empty(), 0.5)).contains(NOW.plus(Duration.ofMinutes(5).plusSeconds(30)));
        assertThat(SCHEDULE.next(7, NOW, Optional.empty(), 0.999).get())
                .isBefore(NOW.plus(Duration.ofHours(12))).isAfter(NOW.plus(Duration.ofHours(11)));
        assertThat(SCHEDULE.next(8, NOW, Optional.empty(), 0)).isEmpty();
    }

    @Test
    void retryAfterPostponesButNeverHastensARetry() {
        assertThat(SCHEDULE.next(1, NOW, Optional.of(Duration.ofMinutes(2)), 0)).contains(NOW.plusSeconds(120));
        assertThat(SCHEDULE.next(3, NOW, Optional.of(Duration.ofSeconds(1)), 0)).contains(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void eachRoleSeesItsShareOfEvents() {
        Audience requester = new Audience(false, false, Set.of(), "QRL");
        assertThat(requester.sees("review.advice-request.submitted", "london", "QRL")).isTrue();
        assertThat(requester.sees("review.advice-request.submitted", "london", "R1F")).isFalse();
        assertThat(requester.sees("review.panel.formed", "london", null)).isFalse();
        assertThat(requester.sees("membership.declaration.due-soon", "london", "QRL")).isFalse();

        Audience viewer = new Audience(false, true, Set.of(), null);
        assertThat(viewer.sees("review.panel.formed", "london", null)).isTrue();
        assertThat(viewer.sees("membership.declaration.due-soon", "london", null)).isFalse();

        Audience admin = new Audience(false, false, Set.of("london"), null);
        assertThat(admin.sees("membership.declaration.due-soon", "london", null)).isTrue();
        assertThat(admin.sees("review.panel.formed", "south-east", null)).isFalse();
        assertThat(admin.seesAnyOf("south-east")).isFalse();

        Audience platform = new Audience(true, false, Set.of(), null);
        assertThat(platform.sees("membership.declaration.overdue", null, null)).isTrue();
        assertThat(new Audience(false, false, Set.of(), null).seesAnything()).isFalse();
    }

    /** A resolver for a name that resolves outside when saved and inside later (DNS rebinding). */
    private static final class Rebinding implements UrlSafety.Resolver {
        int calls;

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            calls++;
            return new InetAddress[] { InetAddress.getByAddress(host, calls == 1 ? new byte[] { 93, (byte) 184, 1, 1 }
                    : new byte[] { (byte) 169, (byte) 254, (byte) 169, (byte) 254 }) };
        }
    }

    @Test
    void aNameThatResolvesInsideAtDeliveryIsRefusedThen() throws Exception {
        UrlSafety safety = new UrlSafety(false, false, new Rebinding());
        URI saved = safety.checkSaved("https://hooks.example.test/senate");
        assertThatThrownBy(() -> safety.checkDelivery(saved)).isInstanceOf(UrlSafety.Refused.class)
                .hasMessageContaining("169.254.169.254").hasMessageContaining("link-local");
    }

    @Test
    void loopbackAndHttpOnlyWhereAllowed() throws Exception {
        UrlSafety production = UrlSafety.system(false, false);
        assertThatThrownBy(() -> production.checkSaved("https://127.0.0.1:8443/hook"))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> production.checkSaved("https://[::1]/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> production.checkSaved("http://hooks.example.test/hook"))
                .hasMessage("must be an https URL");
        UrlSafety local = UrlSafety.system(true, true);
        assertThat(local.checkSaved("http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
        assertThatThrownBy(() -> local.checkSaved("http://10.0.0.7/hook")).hasMessageContaining("private");
    }

    @Test
    void aSecretIsWhsecAndTheBase64Of32RandomBytes() {
        String a = WebhookSecrets.generate();
        String b = WebhookSecrets.generate();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    }
}
