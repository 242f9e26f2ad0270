package org.tensionwatch.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics the service needs when they do not exist yet; existing topics are left as they are. */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /**
     * @param topics topic names with the configuration each is created with
     * @return how many partitions each of the topics has now: an existing topic keeps its own count
     */
    public static Map<String, Integer> createMissing(String bootstrapServers, Map<String, Map<String, String>> topics,
            int partitions, short replication) {
        return createMissing(KafkaConnection.plaintext(bootstrapServers), topics, partitions, replication);
    }

    /** As {@link #createMissing(String, Map, int, short)}, with the connection's security settings. */
    public static Map<String, Integer> createMissing(KafkaConnection kafka, Map<String, Map<String, String>> topics,
            int partitions, short replication) {
        String bootstrapServers = kafka.bootstrapServers();
        Collection<String> names = topics.keySet();
        try (Admin admin = Admin.create(kafka.config())) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .sorted()
                    .map(name -> new NewTopic(name, partitions, replication).configs(topics.get(name)))
                    .toList();
            Map<String, Integer> partitionCounts = new TreeMap<>();
            if (!missing.isEmpty()) {
                CreateTopicsResult created = admin.createTopics(missing);
                created.all().get(60, TimeUnit.SECONDS);
                for (NewTopic topic : missing) {
                    partitionCounts.put(topic.name(), created.numPartitions(topic.name()).get(60, TimeUnit.SECONDS));
                }
                LOG.info("Created topics {} ({} partitions, replication {})",
                        missing.stream().map(NewTopic::name).toList(), partitions, replication);
            }
            // only the topics that were there: a topic just created may not be in every broker's metadata yet, and
            // describing it then fails with UnknownTopicOrPartition (seen on a loaded machine)
            List<String> present = names.stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                admin.describeTopics(present).allTopicNames().get(60, TimeUnit.SECONDS)
                        .forEach((name, description) -> partitionCounts.put(name, description.partitions().size()));
            }
            return partitionCounts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create or describe topics " + names + " on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}
