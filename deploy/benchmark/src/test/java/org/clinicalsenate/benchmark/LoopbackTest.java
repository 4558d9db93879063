package org.clinicalsenate.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    void databasesOnThisMachineOnly() {
        assertThat(Loopback.requireJdbc("jdbc:postgresql://127.0.0.1:5433/membership")).endsWith("/membership");
        assertThat(Loopback.requireJdbc("jdbc:postgresql://localhost:5433/")).isNotNull();
        assertThatThrownBy(() -> Loopback.requireJdbc("jdbc:postgresql://db.example.org:5432/membership"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.requireJdbc("jdbc:postgresql://127.0.0.1:5433,db.example.org:5432/membership"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.requireJdbc("jdbc:mysql://127.0.0.1/membership"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portsOfServicesAndDatabases() {
        assertThat(Loopback.port("http://127.0.0.1:8081")).isEqualTo(8081);
        assertThat(Loopback.port("jdbc:postgresql://127.0.0.1:5433/")).isEqualTo(5433);
        assertThat(Loopback.port("jdbc:postgresql://localhost/membership")).isEqualTo(5432);
        assertThat(Loopback.port("http://localhost/")).isEqualTo(80);
    }

    @Test
    void servicesOnThisMachineOnly() {
        assertThat(Loopback.requireHttp("http://127.0.0.1:8081")).isEqualTo("http://127.0.0.1:8081");
        assertThat(Loopback.requireHttp("http://localhost:8082/")).isNotNull();
        assertThatThrownBy(() -> Loopback.requireHttp("http://10.0.0.5:8081"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.requireHttp("ftp://127.0.0.1/")).isInstanceOf(IllegalArgumentException.class);
    }
}
