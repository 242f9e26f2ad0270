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
     * What the service does with Kafka, for {@code User:user}, as the {@code KafkaUser} of
     * deploy/kubernetes/kafka-user.yaml gives it: its topics ({@code tension.}...) created, described, read and written;
     * everything on its Streams applications' internal topics ({@code tension-watch}...); its consumer groups and
     * transactional ids ({@code tension-watch}...); idempotent writes.
     */
    public static List<AclBinding> serviceAcls(String user) {
        List<AclBinding> acls = new ArrayList<>();
        ResourcePattern topics = new ResourcePattern(ResourceType.TOPIC, "tension.", PatternType.PREFIXED);
        for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.READ, AclOperation.WRITE)) {
            acls.add(allow(user, topics, operation));
        }
        acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, "tension-watch", PatternType.PREFIXED), AclOperation.ALL));
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, "tension-watch", PatternType.PREFIXED);
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE)) {
            acls.add(allow(user, groups, operation));
        }
        ResourcePattern transactionalIds = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "tension-watch", PatternType.PREFIXED);
        for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            acls.add(allow(user, transactionalIds, operation));
        }
        for (AclOperation operation : List.of(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.IDEMPOTENT_WRITE)) {
            acls.add(allow(user, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), operation));
        }
        return acls;
    }

    private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
