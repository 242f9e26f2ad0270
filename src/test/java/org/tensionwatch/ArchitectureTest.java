package org.tensionwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the package dependencies the design rests on, so a change cannot quietly undo them.
 *
 * <ul>
 *   <li>The core ({@code domain}, {@code extraction}, {@code indicators}, {@code alerts}) and the plain
 *       helpers ({@code ingest}, {@code replay}, {@code webhook}, {@code feeds}) are plain Java: no Kafka, no Avro
 *       (library or generated classes), no Quarkus, Jakarta, MicroProfile, Vert.x or RESTEasy. Kafka and
 *       Quarkus stay at the edges ({@code kafka}, {@code streams}, {@code service}, {@code api}, {@code cli}).</li>
 *   <li>Inside the core, dependencies point one way: {@code domain} needs nothing of the project;
 *       {@code extraction} and {@code indicators} need only {@code domain}; {@code alerts} only
 *       {@code domain} and {@code indicators}.</li>
 *   <li>The tools ({@code tools}: benchmarks, the extraction scorer and the corpus generator) stand apart: they use
 *       the service's packages, and no service package uses them, so the service's packages hold only what the
 *       service runs. Only the launcher ({@code cli}) reaches them.</li>
 *   <li>No cycles between the top-level packages ({@code org.tensionwatch.(*)}), except the ones listed in
 *       {@link #KNOWN_CYCLES}: a new cycle fails, and so does a listed one that is gone (so the list
 *       shrinks with the debt).</li>
 * </ul>
 *
 * Main classes only: tests may reach across packages to set things up.
 */
class ArchitectureTest {

    private static final String ROOT = "org.tensionwatch";

    /** The packages that must stay plain Java. */
    private static final String[] PLAIN_JAVA = {
            ROOT + ".domain..", ROOT + ".extraction..", ROOT + ".indicators..", ROOT + ".alerts..",
            ROOT + ".ingest..", ROOT + ".replay..", ROOT + ".webhook..", ROOT + ".feeds.."};

    /** What the plain packages must not use: Kafka, Avro (and its generated classes), the Quarkus stack. */
    private static final String[] FRAMEWORKS = {
            "org.apache.kafka..", "org.apache.avro..", ROOT + ".avro..",
            "io.quarkus..", "jakarta..", "javax.ws.rs..", "javax.inject..", "org.eclipse.microprofile..",
            "io.smallrye..", "io.vertx..", "org.jboss.resteasy..", "io.micrometer.."};

    /**
     * Package cycles that exist today, as known debt. Empty since the query views that {@code api} and
     * {@code service} share ({@code AlertView}, {@code RegionSummary}, ...) moved to {@code views}
     * (issue #20, part 2), so {@code api} uses {@code service} and not the reverse. Each entry is written
     * as its slices, starting from the alphabetically first ({@code api -> service -> api}).
     * Remove an entry once its cycle is gone; never add one.
     */
    static final Set<String> KNOWN_CYCLES = Set.of();

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
        assertThat(classes.containPackage(ROOT + ".domain")).as("main classes imported").isTrue();
    }

    @Test
    void plainPackagesUseNeitherKafkaNorQuarkus() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PLAIN_JAVA)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the core is plain Java; Kafka, Avro and Quarkus stay at the edges");
        rule.check(classes);
    }

    @Test
    void domainNeedsNothingOfTheProject() {
        onlyProjectDependencies("domain").check(classes);
    }

    @Test
    void extractionNeedsOnlyTheDomain() {
        onlyProjectDependencies("extraction", "domain").check(classes);
    }

    @Test
    void indicatorsNeedOnlyTheDomain() {
        onlyProjectDependencies("indicators", "domain").check(classes);
    }

    @Test
    void alertsNeedOnlyTheDomainAndIndicators() {
        onlyProjectDependencies("alerts", "domain", "indicators").check(classes);
    }

    @Test
    void replayNeedsOnlyIngest() {
        onlyProjectDependencies("replay", "ingest").check(classes);
    }

    @Test
    void feedsNeedOnlyIngest() {
        onlyProjectDependencies("feeds", "ingest").check(classes);
    }

    @Test
    void ingestAndWebhookNeedNothingOfTheProject() {
        onlyProjectDependencies("ingest").check(classes);
        onlyProjectDependencies("webhook").check(classes);
    }

    /** Security is an edge of its own: api and service use it; it uses nothing of the project. */
    @Test
    void securityNeedsNothingOfTheProject() {
        onlyProjectDependencies("security").check(classes);
    }

    /** What the service runs, core included: everything but the tools and the launcher that starts them. */
    private static final String[] SERVICE_PACKAGES = {
            ROOT + ".service..", ROOT + ".api..", ROOT + ".streams..", ROOT + ".kafka..", ROOT + ".avro..",
            ROOT + ".security..", ROOT + ".domain..", ROOT + ".extraction..", ROOT + ".indicators..",
            ROOT + ".alerts..", ROOT + ".ingest..", ROOT + ".replay..", ROOT + ".webhook..", ROOT + ".feeds.."};

    @Test
    void noServicePackageDependsOnTheTools() {
        ArchRule rule = noClasses().that().resideInAnyPackage(SERVICE_PACKAGES)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".tools..")
                .because("benchmarks and evaluation tools stand apart from what the service runs");
        rule.check(classes);
    }

    @Test
    void noPackageCyclesButTheKnownOnes() {
        EvaluationResult result = packageCycles().evaluate(classes);
        Set<String> found = cyclesIn(result);
        assertThat(found)
                .as("package cycles under %s (a new one must be broken, not listed; a listed one that is gone "
                        + "must leave KNOWN_CYCLES).%nFull report:%n%s", ROOT, result.getFailureReport())
                .containsExactlyInAnyOrderElementsOf(KNOWN_CYCLES);
    }

    /** Cycles between the top-level packages, e.g. {@code api -> service -> api}. */
    static ArchRule packageCycles() {
        return slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    private static ArchRule onlyProjectDependencies(String pkg, String... allowed) {
        String[] forbidden = List.of("domain", "extraction", "indicators", "alerts", "ingest", "replay",
                        "webhook", "feeds", "kafka", "streams", "service", "api", "cli", "tools", "avro", "security").stream()
                .filter(other -> !other.equals(pkg) && !List.of(allowed).contains(other))
                .map(other -> ROOT + "." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(ROOT + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(pkg + " may use only " + (allowed.length == 0 ? "nothing of the project" : String.join(", ", allowed)));
    }

    private static final Pattern CYCLE = Pattern.compile("Cycle detected: (.*?)(?:\\n\\s*\\d+\\. |$)", Pattern.DOTALL);

    /**
     * The cycles of a cycle rule's result, each as its slice names from the alphabetically first
     * ({@code api -> service -> api}), whichever slice ArchUnit starts from.
     */
    static Set<String> cyclesIn(EvaluationResult result) {
        Set<String> cycles = new TreeSet<>();
        for (String detail : result.getFailureReport().getDetails()) {
            Matcher m = CYCLE.matcher(detail);
            if (m.find()) {
                cycles.add(fromFirst(m.group(1).replaceAll("Slice ", "").trim().split("\\s*->\\s*")));
            } else {
                cycles.add(detail);
            }
        }
        return cycles;
    }

    /** {@code [service, api, service]} as {@code api -> service -> api}. */
    private static String fromFirst(String[] closedCycle) {
        List<String> slices = List.of(closedCycle).subList(0, closedCycle.length - 1);
        int first = slices.indexOf(slices.stream().min(String::compareTo).orElseThrow());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= slices.size(); i++) {
            out.append(i == 0 ? "" : " -> ").append(slices.get((first + i) % slices.size()));
        }
        return out.toString();
    }
}
