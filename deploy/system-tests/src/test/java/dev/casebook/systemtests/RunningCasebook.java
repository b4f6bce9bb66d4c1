package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices;
import dev.casebook.devstack.DevStack;
import dev.casebook.devstack.Passwords;
import dev.casebook.devstack.SigningKeys;
import dev.casebook.devstack.TestTokens;
import dev.casebook.testing.Accounts;
import dev.casebook.testing.Topics;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Casebook once for the whole test run, as {@code deploy/run-local.sh} does but on free ports and
 * in a temporary data folder: real PostgreSQL and Kafka, and the packaged services as processes.
 * REST Assured points at the gateway, so tests talk to Casebook only as clients do.
 *
 * <p>With {@code CASEBOOK_URL} set, nothing is started: the tests run against that Casebook (staging, a local run),
 * logging in as the admin given, and reading its events with the Kafka login given ({@link ExternalCasebook}). A test
 * that needs to stop, break, restart or look inside the stack (its processes, logs, signing key, traces) is skipped
 * there, saying so.
 */
public class RunningCasebook implements BeforeAllCallback {

    private static Stack stack;
    private static final Optional<ExternalCasebook> EXTERNAL = ExternalCasebook.fromEnvironment();
    private static final int KEPT_LOG_LINES = 200_000;
    private static final java.util.concurrent.ConcurrentLinkedDeque<String> LOG = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** Everything the services printed so far in this run (the latest lines, bounded). */
    public static String logs() {
        ownStackOnly("the services' logs");
        return String.join("\n", LOG);
    }

    private static void keep(String line) {
        System.out.println(line);
        LOG.addLast(line);
        if (LOG.size() > KEPT_LOG_LINES) {
            LOG.pollFirst();
        }
    }
    private static final String ADMIN_PASSWORD = Passwords.random(20);

    /**
     * Added to the services' JVM options in a test run: C1 alone (as Quarkus dev mode runs), because a run lasts
     * minutes and the two cores it has are better spent on the tests than on C2's compiles while a dozen JVMs start.
     */
    static final String TEST_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1";

    /** The password of the first admin, made for this test run. */
    public static String adminPassword() {
        return EXTERNAL.map(ExternalCasebook::adminPassword).orElse(ADMIN_PASSWORD);
    }

    /** The first admin's username. */
    public static String adminUsername() {
        return EXTERNAL.map(ExternalCasebook::adminUsername).orElse("admin");
    }

    /** True when the tests run against a Casebook deployed elsewhere (CASEBOOK_URL). */
    public static boolean isExternal() {
        return EXTERNAL.isPresent();
    }

    /** Skips the calling test against an external Casebook, which it cannot control or look inside. */
    static void ownStackOnly(String what) {
        EXTERNAL.ifPresent(external -> Assumptions.assumeTrue(false, external.cannot(what)));
    }

    /** The running stack, for tests that stop and start parts of it. */
    public static CasebookServices services() {
        ownStackOnly("to reach, stop or restart the services themselves");
        return stack.services();
    }

    /** The spans every service exported in this run, as an OpenTelemetry Collector received them. */
    static TraceCollector traces() {
        ownStackOnly("the trace collector the services export to");
        return stack.traces();
    }

    public static DevStack infrastructure() {
        ownStackOnly("to control PostgreSQL and Kafka");
        return stack.infrastructure();
    }

    public static Path publicKeyFile() {
        ownStackOnly("auth-service's key files");
        return stack.data().resolve("keys").resolve("jwt-public.pem");
    }

    /** Tokens signed with the key auth-service signs with, for tests that forge almost-valid ones. */
    public static TestTokens tokens() {
        ownStackOnly("auth-service's signing key");
        Path keys = stack.data().resolve("keys");
        return TestTokens.from(keys.resolve("jwt-private.pem").toString(), keys.resolve("jwks.json").toString());
    }

    public static Path repositoryRoot() {
        return Path.of(System.getProperty("casebook.root", "../..")).toAbsolutePath().normalize();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (EXTERNAL.isPresent()) {
            RestAssured.baseURI = EXTERNAL.get().url();
            RestAssured.port = -1;
            return;
        }
        synchronized (RunningCasebook.class) {
            if (stack == null) {
                Path data = Files.createTempDirectory("casebook-system-test-");
                DevStack infrastructure = DevStack.start(new DevStack.Settings(data, 0, 0, true, Map.of()));
                TraceCollector traces = new TraceCollector();
                Map<String, String> environment = new HashMap<>(traces.environment());
                environment.putAll(Map.of(CasebookServices.EXTRA_JAVA_OPTIONS, TEST_JAVA_OPTIONS, "CASEBOOK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        // a test suite asks far faster than a client; the limit itself is tested in the gateway
                        "CASEBOOK_GATEWAY_RATE_LIMIT_CAPACITY", "5000",
                        "CASEBOOK_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND", "2000"));
                CasebookServices services = CasebookServices.start(repositoryRoot(), infrastructure,
                        SigningKeys.inDirectory(data.resolve("keys")), CasebookServices.Ports.free(),
                        environment, RunningCasebook::keep, Duration.ofMinutes(3));
                stack = new Stack(data, infrastructure, services, traces);
                // Closed by JUnit when the whole run ends, after the last test class.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningCasebook.class, stack);
            }
        }
        RestAssured.baseURI = stack.services().gatewayUrl();
        RestAssured.port = -1;
    }

    record Stack(Path data, DevStack infrastructure, CasebookServices services, TraceCollector traces)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Exception {
            services.close();
            infrastructure.close();
            traces.close();
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** How long a step that sets a test up waits while the gateway answers busy (see Accounts.untilNotBusy). */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The first admin, logged in through the gateway. */
    public static Accounts.Tokens admin() {
        return login(adminUsername(), adminPassword());
    }

    /** A new user with {@code role}, made by the admin, logged in through the gateway. */
    public static Accounts.Tokens newUser(String role) {
        return Accounts.newUser(admin(), role, PATIENCE);
    }

    public static Accounts.Tokens login(String username, String password) {
        return Accounts.loggedIn(username, password, PATIENCE);
    }

    /** Casebook's topics, read as another team's service would. */
    public static Topics topics() {
        if (EXTERNAL.isPresent()) {
            Assumptions.assumeFalse(EXTERNAL.get().kafka().isEmpty(), EXTERNAL.get().cannot(
                    "to read Casebook's topics: set CASEBOOK_KAFKA_BOOTSTRAP, CASEBOOK_KAFKA_USERNAME and CASEBOOK_KAFKA_PASSWORD (events-reader), or CASEBOOK_KAFKA_PROPERTIES"));
            return Topics.at(EXTERNAL.get().kafka());
        }
        return Topics.at(infrastructure().kafka().adminConfig());
    }

    /** How long an answer may take when a part of the stack is down. */
    public static final Duration FAILURE_ANSWER_LIMIT = Duration.ofSeconds(2);
}
