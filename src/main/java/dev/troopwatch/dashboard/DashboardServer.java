package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.extract.Status;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StoreNames;
import dev.troopwatch.track.SituationKey;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' dashboard: the page, its JSON API, the live alert stream and {@code /metrics}, served by Javalin
 * from the application's own jar. Start it once the Kafka Streams instance exists; close it before closing Streams.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    /** The situation store of the tracking topology, queried interactively. */
    static final String SITUATION_STORE = StoreNames.SITUATIONS;
    /** Each situation's history, one record per report, read as the situation's key range. */
    static final String HISTORY_STORE = StoreNames.HISTORY;
    private static final int MAX_TEXT_FILTER = 200;
    /** Each open event stream holds a thread; beyond this many, new ones are refused rather than starving the API. */
    static final int MAX_STREAM_CLIENTS = 256;
    /** A country or organisation code as situation keys use them ("KP", "NATO"). */
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,4}");
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Javalin app;
    private final String host;
    private final AlertStream alertStream;
    private final List<AutoCloseable> owned;

    private DashboardServer(Javalin app, String host, AlertStream alertStream, List<AutoCloseable> owned) {
        this.app = app;
        this.host = host;
        this.alertStream = alertStream;
        this.owned = owned;
    }

    /**
     * Starts the dashboard over a Kafka Streams instance: situations from its store (asking the owning instance
     * when several share the work, found through {@code application.server} in {@code kafkaConfig}), alerts and
     * dead letters read from their topics, metrics bound to {@code registry} (a Prometheus registry is used as
     * is, a composite gets one added, otherwise the dashboard keeps its own).
     */
    public static DashboardServer start(DashboardConfig config, KafkaStreams streams, Properties kafkaConfig,
                                        MeterRegistry registry) {
        String server = kafkaConfig.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo self = server == null || server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
        String instance = self == null ? config.host() + ":" + config.port() : self.host() + ":" + self.port();
        PrometheusMeterRegistry prometheus = prometheusFor(registry);
        List<AutoCloseable> owned = new ArrayList<>();
        RemoteInstances remote = new RemoteInstances();
        LocalSituationStore local = new LocalSituationStore(streams, SITUATION_STORE, HISTORY_STORE, instance);
        AlertLog alerts = new AlertLog(config.alertBuffer());
        DeadLetterLog deadLetters = new DeadLetterLog(20);
        TopicFeed feed = TopicFeed.start(kafkaConfig, alerts, deadLetters);
        owned.add(feed);
        DashboardBackend backend = new DashboardBackend(
                new ClusterSituationDirectory(streams, SITUATION_STORE, self, local, remote), local,
                new ClusterHealth(streams, self,
                        new StreamsHealth(streams, instance, PipelineTopics.defaults()), remote),
                alerts, deadLetters, feed::caughtUp, prometheus);
        try {
            return start(config, backend, streams, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /** Starts the dashboard over any backend (tests use in-memory ones). */
    public static DashboardServer start(DashboardConfig config, DashboardBackend backend) {
        return start(config, backend, null, new ArrayList<>());
    }

    private static DashboardServer start(DashboardConfig config, DashboardBackend backend, KafkaStreams streams,
                                         List<AutoCloseable> owned) {
        owned.add(DashboardMetrics.bind(backend.metrics(), streams));
        AlertStream alertStream = new AlertStream(backend.alerts());
        owned.add(0, alertStream);
        CountryNames countries = CountryNames.load();
        Handlers handlers = new Handlers(backend, alertStream, new SituationView(countries, backend.alerts()),
                countries);
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(8 * 1024);
                http.setSendServerVersion(false);
            });
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache",
                        "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                        "X-Content-Type-Options", "nosniff");
            });
        });
        app.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff"));
        app.get("/api/alerts", handlers::alerts);
        app.before("/api/alerts/stream", ctx -> {
            if (!"text/event-stream".equals(ctx.header("Accept"))) {
                throw new HttpResponseException(406,
                        "this is a server-sent event stream: send Accept: text/event-stream", Map.of());
            }
            if (alertStream.clientCount() >= MAX_STREAM_CLIENTS) {
                ctx.header("Retry-After", "30");
                throw new HttpResponseException(503, "too many open alert streams (" + MAX_STREAM_CLIENTS
                        + "); retry later", Map.of());
            }
        });
        app.sse("/api/alerts/stream", alertStream::connect);
        app.get("/api/situations", handlers::situations);
        app.get("/api/situations/{key}", handlers::situation);
        app.get("/api/health", handlers::health);
        app.get("/api/countries", handlers::countries);
        app.get(ClusterSituationDirectory.INTERNAL_SITUATIONS, handlers::localSituations);
        app.get(ClusterSituationDirectory.INTERNAL_SITUATIONS + "/{key}", handlers::localSituation);
        app.get(ClusterHealth.INTERNAL_HEALTH, ctx -> ctx.json(backend.health().local()));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(backend.metrics().scrape()));
        app.exception(BadParameterException.class, (e, ctx) ->
                ctx.status(400).json(new ApiError(400, e.getMessage(), e.parameter())));
        app.exception(StoreUnavailableException.class, (e, ctx) ->
                ctx.status(503).header("Retry-After", "2").json(ApiError.of(503, e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(ApiError.of(e.getStatus(), e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("dashboard request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ApiError.of(500, "internal error: " + e.getClass().getSimpleName()));
        });
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            closeAll(owned);
            throw new IllegalStateException("cannot serve the dashboard on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("dashboard at http://{}:{}/", config.host(), app.port());
        return new DashboardServer(app, config.host(), alertStream, owned);
    }

    private static PrometheusMeterRegistry prometheusFor(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return prometheus;
        }
        PrometheusMeterRegistry own = DashboardMetrics.newRegistry();
        if (registry instanceof CompositeMeterRegistry composite) {
            composite.add(own);
        }
        return own;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Where a local browser reaches the page (loopback when bound to every interface). */
    public URI uri() {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? DashboardConfig.LOOPBACK : host;
        return URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":"
                + app.port() + "/");
    }

    @Override
    public void close() {
        app.stop();
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The API's request handlers; each validates its parameters first and answers JSON. */
    private record Handlers(DashboardBackend backend, AlertStream alertStream, SituationView view,
                            CountryNames countries) {

        void alerts(Context ctx) {
            AlertQuery query = AlertQuery.parse(ctx.queryParamMap());
            List<JsonNode> alerts = backend.alerts().query(query);
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("count", alerts.size());
            body.put("cursor", alertStream.cursor());
            body.put("buffered", backend.alerts().size());
            body.put("capacity", backend.alerts().capacity());
            body.set("alerts", Json.mapper().valueToTree(alerts));
            ctx.json(body);
        }

        void situations(Context ctx) {
            Map<String, List<String>> params = ctx.queryParamMap();
            String actor = code(params, "actor");
            String host = code(params, "host");
            String status = AlertQuery.single(params, "status");
            if (status != null) {
                status = status.toUpperCase(Locale.ROOT);
                if (!isStatus(status)) {
                    throw new BadParameterException("status", "unknown status '" + status + "'; one of "
                            + List.of(Status.values()));
                }
            }
            String type = AlertQuery.single(params, "type");
            if (type != null) {
                type = type.toUpperCase(Locale.ROOT);
                if (!AlertQuery.TYPES.contains(type)) {
                    throw new BadParameterException("type", "unknown alert type '" + type + "'; one of "
                            + AlertQuery.TYPES);
                }
            }
            String text = AlertQuery.single(params, "q");
            if (text != null && text.length() > MAX_TEXT_FILTER) {
                throw new BadParameterException("q", "q is longer than " + MAX_TEXT_FILTER + " characters");
            }
            SituationDirectory.Listing listing = backend.situations().all();
            List<ObjectNode> rows = new ArrayList<>();
            for (JsonNode state : listing.situations()) {
                ObjectNode row = view.summary(state);
                if (matches(row, actor, host, status, type, text)) {
                    rows.add(row);
                }
            }
            rows.sort(Comparator.comparing(row -> row.path("key").asText()));
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("count", rows.size());
            body.set("situations", Json.mapper().valueToTree(rows));
            body.set("instances", Json.mapper().valueToTree(listing.instances()));
            ctx.json(body);
        }

        void situation(Context ctx) {
            SituationKey key = key(ctx);
            JsonNode state = backend.situations().find(key)
                    .orElseThrow(() -> new UnknownSituation(key));
            ctx.json(view.detail(state));
        }

        void localSituations(Context ctx) {
            ctx.json(backend.localSituations().all().situations());
        }

        void localSituation(Context ctx) {
            SituationKey key = key(ctx);
            ctx.json(backend.localSituations().find(key).orElseThrow(() -> new UnknownSituation(key)));
        }

        void health(Context ctx) {
            List<InstanceHealth> instances = backend.health().instances();
            InstanceHealth self = instances.get(0);
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("state", self.state());
            body.put("instance", self.instance());
            body.put("checked_at", Instant.now().toString());
            ObjectNode totals = body.putObject("totals");
            double rate = 0;
            long articles = 0;
            long events = 0;
            long alerts = 0;
            long deadLetters = 0;
            long lag = 0;
            for (InstanceHealth instance : instances) {
                rate += instance.articlesPerSecond() == null ? 0 : instance.articlesPerSecond();
                articles += instance.articles() == null ? 0 : instance.articles();
                events += instance.events() == null ? 0 : instance.events();
                alerts += instance.alerts() == null ? 0 : instance.alerts();
                deadLetters += instance.deadLetters() == null ? 0 : instance.deadLetters();
                lag += instance.consumerLag() == null ? 0 : instance.consumerLag();
            }
            totals.put("articles_per_second", Math.round(rate * 100) / 100.0);
            totals.put("articles", articles);
            totals.put("events", events);
            totals.put("alerts", alerts);
            totals.put("dead_letters", deadLetters);
            totals.put("consumer_lag", lag);
            body.set("instances", Json.mapper().valueToTree(instances));
            ObjectNode dead = body.putObject("dead_letters");
            dead.put("seen", backend.deadLetters().total());
            ArrayNode latest = dead.putArray("latest");
            for (DeadLetterLog.DeadLetter letter : backend.deadLetters().latest()) {
                latest.addObject().put("key", letter.key()).put("reason", letter.reason())
                        .put("detail", letter.detail()).put("stage", letter.stage()).put("at", letter.at().toString());
            }
            ObjectNode feed = body.putObject("alert_feed");
            feed.put("buffered", backend.alerts().size());
            feed.put("capacity", backend.alerts().capacity());
            feed.put("received", backend.alerts().total());
            feed.put("caught_up", backend.feedCaughtUp().getAsBoolean());
            feed.put("live_clients", alertStream.clientCount());
            // Probes (docker-compose, Kubernetes) read the status: 503 while this instance cannot process.
            boolean serving = "RUNNING".equals(self.state()) || "REBALANCING".equals(self.state());
            ctx.status(serving ? 200 : 503).json(body);
        }

        void countries(Context ctx) {
            ctx.header("Cache-Control", "max-age=3600").json(countries.asMap());
        }

        private static SituationKey key(Context ctx) {
            try {
                return SituationKey.parse(ctx.pathParam("key").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("key", e.getMessage());
            }
        }

        private static String code(Map<String, List<String>> params, String name) {
            String value = AlertQuery.single(params, name);
            if (value == null) {
                return null;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (!CODE.matcher(upper).matches()) {
                throw new BadParameterException(name, name + " must be a country code such as RU, got '" + value
                        + "'");
            }
            return upper;
        }

        /** The values an operator may type to find a row: codes, names, theatre, status, claimants, sources. */
        private static String searchableText(JsonNode row) {
            StringBuilder text = new StringBuilder();
            for (String field : List.of("key", "actor_name", "host_name", "theatre", "status")) {
                text.append(row.path(field).asText("")).append('\n');
            }
            for (String field : List.of("claimants", "sources", "alert_types")) {
                for (JsonNode value : row.path(field)) {
                    text.append(value.asText("")).append('\n');
                }
            }
            return text.toString().toLowerCase(Locale.ROOT);
        }

        private static boolean isStatus(String text) {
            for (Status status : Status.values()) {
                if (status.name().equals(text)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(JsonNode row, String actor, String host, String status, String type,
                                       String text) {
            if (actor != null && !actor.equals(row.path("actor").asText())) {
                return false;
            }
            if (host != null && !host.equals(row.path("host").asText())) {
                return false;
            }
            if (status != null && !status.equals(row.path("status").asText())) {
                return false;
            }
            if (type != null) {
                boolean seen = false;
                for (JsonNode t : row.path("alert_types")) {
                    seen |= type.equals(t.asText());
                }
                if (!seen) {
                    return false;
                }
            }
            return text == null || searchableText(row).contains(text.toLowerCase(Locale.ROOT));
        }
    }

    /** 404 for a well-formed key no instance knows. */
    private static final class UnknownSituation extends HttpResponseException {
        UnknownSituation(SituationKey key) {
            super(404, "no situation " + key + " is known", Map.of());
        }
    }
}
