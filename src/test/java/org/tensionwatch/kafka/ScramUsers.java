package org.tensionwatch.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Users of a broker started with {@link EmbeddedKafkaBroker#startWithScram}, created as an operator would: SCRAM
 * credentials with {@code Admin.alterUserScramCredentials}, then ACLs. {@link #serviceAcls} are the ACLs the service
 * needs, the same as the {@code KafkaUser} in deploy/kubernetes.
 */
public final class ScramUsers {

    private ScramUsers() {
    }

    /** Creates (or changes) a SCRAM-SHA-512 user, as the broker's super user. */
    public static void create(Admin admin, String user, String password) throws Exception {
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get();
    }

    /**
     * What the service does with Kafka, for {@code User:user}: every operation on the topics it names
     * ({@code tension.}...) and on its Streams applications' internal topics, consumer groups and transactional ids
     * ({@code tension-watch}...), and idempotent writes.
     */
    public static List<AclBinding> serviceAcls(String user) {
        List<AclBinding> acls = new ArrayList<>();
        for (String prefix : List.of("tension.", "tension-watch")) {
            acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), AclOperation.ALL));
        }
        acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, "tension-watch", PatternType.PREFIXED), AclOperation.ALL));
        acls.add(allow(user, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "tension-watch", PatternType.PREFIXED),
                AclOperation.ALL));
        for (AclOperation operation : List.of(AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow(user, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), operation));
        }
        return acls;
    }

    private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
