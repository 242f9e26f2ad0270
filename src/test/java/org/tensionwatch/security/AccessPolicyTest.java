package org.tensionwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What requests without credentials may do, and which settings the service refuses to start with. */
class AccessPolicyTest {

    private static final ApiKeys ONE_KEY = ApiKeys.parse(List.of("feeder:ingest:" + ApiKeys.sha256Hex("k")));
    private static final ApiKeys NO_KEYS = ApiKeys.parse(List.of());

    @Test
    void theQuickStartOnItsEmbeddedBrokerLetsAnonymousRequestsDoEverything() {
        AccessPolicy policy = new AccessPolicy(false, NO_KEYS, false, Optional.empty(), Optional.empty(), false, false);

        assertThat(policy.anonymousRoles()).containsExactlyInAnyOrder("read", "ingest", "admin");
        assertThat(policy.problems()).isEmpty();
        assertThat(policy.describe()).contains("anonymous access allowed");
    }

    @Test
    void onlyTheLoopbackInterfaceCountsAsTheQuickStart() {
        assertThat(SecuritySetup.loopback("127.0.0.1")).isTrue();
        assertThat(SecuritySetup.loopback("localhost")).isTrue();
        assertThat(SecuritySetup.loopback("::1")).isTrue();
        assertThat(SecuritySetup.loopback("0.0.0.0")).isFalse();
        assertThat(SecuritySetup.loopback("10.1.2.3")).isFalse();
    }

    @Test
    void anExternalClusterWithoutAuthenticationIsRefusedUnlessAnonymousWritesAreAllowed() {
        AccessPolicy refused = new AccessPolicy(true, NO_KEYS, false, Optional.empty(), Optional.empty(), false, false);
        AccessPolicy allowed = new AccessPolicy(true, NO_KEYS, false, Optional.empty(), Optional.empty(), true, false);

        assertThat(refused.problems()).singleElement().asString().contains("no authentication is configured");
        assertThat(allowed.problems()).isEmpty();
        assertThat(allowed.anonymousRoles()).contains("ingest");
    }

    @Test
    void onAnExternalClusterAnonymousRequestsGetNothingByDefaultAndReadIfSet() {
        AccessPolicy secured = new AccessPolicy(true, ONE_KEY, false, Optional.empty(), Optional.empty(), false, false);
        AccessPolicy readOnlyDashboard = new AccessPolicy(true, ONE_KEY, false, Optional.empty(), Optional.of(List.of("read")),
                false, false);

        assertThat(secured.anonymousRoles()).isEmpty();
        assertThat(secured.problems()).isEmpty();
        assertThat(readOnlyDashboard.anonymousRoles()).containsExactly("read");
        assertThat(readOnlyDashboard.problems()).isEmpty();
    }

    @Test
    void anonymousWritesOnAnExternalClusterNeedTheExplicitSetting() {
        AccessPolicy policy = new AccessPolicy(true, ONE_KEY, false, Optional.empty(), Optional.of(List.of("read", "ingest")),
                false, false);

        assertThat(policy.problems()).singleElement().asString().contains("allow-anonymous-writes");
    }

    @Test
    void severalInstancesNeedAClusterSecretUnlessAnonymousRequestsAreAdmins() {
        AccessPolicy noSecret = new AccessPolicy(true, ONE_KEY, true, Optional.empty(), Optional.empty(), false, true);
        AccessPolicy withSecret = new AccessPolicy(true, ONE_KEY, true, Optional.of("0123456789abcdef"), Optional.empty(), false, true);
        AccessPolicy quickStart = new AccessPolicy(false, NO_KEYS, false, Optional.empty(), Optional.empty(), false, true);

        assertThat(noSecret.problems()).singleElement().asString().contains("tension.security.cluster-secret");
        assertThat(withSecret.problems()).isEmpty();
        assertThat(quickStart.problems()).isEmpty();
    }

    @Test
    void anUnknownAnonymousRoleIsAProblemNotASurprise() {
        AccessPolicy policy = new AccessPolicy(false, NO_KEYS, false, Optional.empty(), Optional.of(List.of("reader")), false, false);

        assertThat(policy.problems()).singleElement().asString().contains("unknown role 'reader'");
        assertThat(new AccessPolicy(false, NO_KEYS, false, Optional.empty(), Optional.of(List.of("none")), false, false)
                .anonymousRoles()).isEmpty();
    }

    @Test
    void apiKeysAreMatchedByTheirHashAndBadEntriesAreNamed() {
        ApiKeys keys = ApiKeys.parse(List.of("feeder:ingest:" + ApiKeys.sha256Hex("feeder-key"),
                "ops:admin+read:" + ApiKeys.sha256Hex("ops-key")));

        assertThat(keys.match("feeder-key")).get().extracting(ApiKeys.ApiKey::name).isEqualTo("feeder");
        assertThat(keys.match("ops-key").orElseThrow().roles()).containsExactlyInAnyOrder("admin", "read");
        assertThat(keys.match("other")).isEmpty();
        assertThat(keys.match("")).isEmpty();
        assertThatThrownBy(() -> ApiKeys.parse(List.of("feeder:ingest:the-key-itself")))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("feeder:write:" + ApiKeys.sha256Hex("k"))))
                .hasMessageContaining("role 'write'");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("feeder")))
                .hasMessageContaining("NAME:ROLE+ROLE:SHA256HEX");
    }
}
