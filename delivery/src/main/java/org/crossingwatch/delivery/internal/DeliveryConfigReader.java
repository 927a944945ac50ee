package org.crossingwatch.delivery.internal;

import static org.crossingwatch.delivery.internal.YamlNode.optional;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.crossingwatch.delivery.DeliveryConfig;
import org.crossingwatch.delivery.DeliveryTopics;
import org.crossingwatch.delivery.RetryPolicy;
import org.crossingwatch.delivery.SinkConfig;
import org.crossingwatch.delivery.SinkTarget;
import org.crossingwatch.delivery.chat.ChatFormat;
import org.crossingwatch.delivery.chat.ChatTarget;
import org.crossingwatch.delivery.chat.MatrixTarget;
import org.crossingwatch.delivery.limits.QuietHours;
import org.crossingwatch.delivery.limits.RateLimit;
import org.crossingwatch.delivery.mail.MailTarget;
import org.crossingwatch.delivery.routing.Route;
import org.crossingwatch.delivery.webhook.WebhookTarget;

/** Binds the YAML tree to {@link DeliveryConfig}, reporting each mistake at its line and column. */
public final class DeliveryConfigReader {
  // Sink names become metric tags and header values: keep them short and plain.
  private static final Pattern SINK_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private static final Set<String> TOP =
      Set.of(
          "consoleBaseUrl",
          "consumerGroup",
          "repostThresholds",
          "retry",
          "timeout",
          "sinks",
          "routes");
  private static final Set<String> COMMON = Set.of("type", "rateLimit", "quietHours");

  private final UnaryOperator<String> env;

  private DeliveryConfigReader(UnaryOperator<String> env) {
    this.env = env;
  }

  /** Reads {@code yaml}; see {@link DeliveryConfig#parse}. */
  public static DeliveryConfig read(String source, String yaml, UnaryOperator<String> env) {
    YamlNode root = YamlTrees.parse(source, yaml);
    return new DeliveryConfigReader(env).config(root);
  }

  private DeliveryConfig config(YamlNode root) {
    Map<String, YamlNode> f = root.fields("the delivery configuration", TOP);
    URI console =
        ConfigValues.httpUri(
            root.required(f, "consoleBaseUrl", "the delivery configuration"), "consoleBaseUrl");
    String group =
        optional(f, "consumerGroup")
            .map(n -> n.text("consumerGroup"))
            .orElse(DeliveryTopics.DEFAULT_CONSUMER_GROUP);
    List<Integer> thresholds =
        optional(f, "repostThresholds")
            .map(
                n ->
                    n.elements("repostThresholds").stream()
                        .map(e -> ConfigValues.intAtLeast(e, "repost threshold", 2))
                        .sorted()
                        .toList())
            .orElse(DeliveryConfig.DEFAULT_REPOST_THRESHOLDS);
    RetryPolicy retry = optional(f, "retry").map(this::retry).orElse(RetryPolicy.DEFAULT);
    Duration timeout =
        optional(f, "timeout")
            .map(n -> ConfigValues.duration(n, "timeout"))
            .orElse(DeliveryConfig.DEFAULT_TIMEOUT);
    YamlNode sinksNode = root.required(f, "sinks", "the delivery configuration");
    List<SinkConfig> sinks = new ArrayList<>();
    Map<String, YamlNode> sinkNodes = sinksNode.fields("sinks");
    if (sinkNodes.isEmpty()) {
      throw sinksNode.error("sinks must name at least one sink");
    }
    sinkNodes.forEach((name, node) -> sinks.add(sink(name, node)));
    Set<String> names = sinkNodes.keySet();
    List<Route> routes = new ArrayList<>();
    for (YamlNode node : optional(f, "routes").map(n -> n.elements("routes")).orElse(List.of())) {
      routes.add(route(node, names, routes.size() + 1));
    }
    return new DeliveryConfig(console, group, thresholds, retry, timeout, sinks, routes);
  }

  private RetryPolicy retry(YamlNode node) {
    Map<String, YamlNode> f =
        node.fields("retry", Set.of("attempts", "initialBackoff", "maxBackoff"));
    RetryPolicy d = RetryPolicy.DEFAULT;
    int attempts =
        optional(f, "attempts")
            .map(n -> ConfigValues.intAtLeast(n, "retry.attempts", 1))
            .orElse(d.attempts());
    Duration initial =
        optional(f, "initialBackoff")
            .map(n -> ConfigValues.duration(n, "retry.initialBackoff"))
            .orElse(d.initialBackoff());
    Duration max =
        optional(f, "maxBackoff")
            .map(n -> ConfigValues.duration(n, "retry.maxBackoff"))
            .orElse(d.maxBackoff());
    return new RetryPolicy(attempts, initial, max);
  }

  private SinkConfig sink(String name, YamlNode node) {
    if (!SINK_NAME.matcher(name).matches()) {
      throw node.error(
          "sink name '"
              + name
              + "' must be lower-case letters, digits, '.', '_' or '-', at most 63 characters");
    }
    String what = "sink '" + name + "'";
    YamlNode typeNode = node.required(node.fields(what), "type", what);
    String type = typeNode.text(what + " type").trim().toLowerCase(Locale.ROOT);
    Set<String> own =
        switch (type) {
          case "webhook" -> Set.of("url", "secret");
          case "email" -> Set.of("host", "port", "security", "username", "password", "from", "to");
          case "slack", "mattermost", "teams" -> Set.of("url");
          case "matrix" -> Set.of("homeserver", "room", "accessToken");
          default ->
              throw typeNode.error(
                  what
                      + " has unknown type '"
                      + type
                      + "'; known: email, matrix, mattermost, slack, teams, webhook");
        };
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(own);
    Map<String, YamlNode> f = node.fields(what, allowed);
    SinkTarget target;
    try {
      target =
          switch (type) {
            case "webhook" ->
                new WebhookTarget(
                    ConfigValues.httpUri(node.required(f, "url", what), what + " url"),
                    ConfigValues.secret(node.required(f, "secret", what), what + " secret", env));
            case "email" -> mail(what, node, f);
            case "matrix" ->
                new MatrixTarget(
                    ConfigValues.httpUri(
                        node.required(f, "homeserver", what), what + " homeserver"),
                    node.required(f, "room", what).text(what + " room").trim(),
                    ConfigValues.secret(
                        node.required(f, "accessToken", what), what + " accessToken", env));
            default ->
                new ChatTarget(
                    ChatFormat.valueOf(type.toUpperCase(Locale.ROOT)),
                    ConfigValues.secret(node.required(f, "url", what), what + " url", env));
          };
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
    Optional<RateLimit> rateLimit = optional(f, "rateLimit").map(n -> rateLimit(what, n));
    Optional<QuietHours> quiet = optional(f, "quietHours").map(n -> quietHours(what, n));
    return new SinkConfig(name, target, rateLimit, quiet);
  }

  private MailTarget mail(String what, YamlNode node, Map<String, YamlNode> f) {
    String host = node.required(f, "host", what).text(what + " host").trim();
    int port =
        optional(f, "port").map(n -> ConfigValues.intAtLeast(n, what + " port", 1)).orElse(587);
    MailTarget.Security security = MailTarget.Security.STARTTLS;
    Optional<YamlNode> securityNode = optional(f, "security");
    if (securityNode.isPresent()) {
      String text = securityNode.get().text(what + " security").trim();
      try {
        security = MailTarget.Security.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw securityNode
            .get()
            .error(what + " security must be starttls or none, was '" + text + "'");
      }
    }
    Optional<String> username = optional(f, "username").map(n -> n.text(what + " username"));
    var password =
        optional(f, "password").map(n -> ConfigValues.secret(n, what + " password", env));
    String from = node.required(f, "from", what).text(what + " from").trim();
    List<String> to = ConfigValues.texts(node.required(f, "to", what), what + " to");
    return new MailTarget(host, port, security, username, password, from, to);
  }

  private static RateLimit rateLimit(String what, YamlNode node) {
    Map<String, YamlNode> f = node.fields(what + " rateLimit", Set.of("count", "per"));
    int count =
        ConfigValues.intAtLeast(
            node.required(f, "count", what + " rateLimit"), what + " rateLimit.count", 1);
    Duration per =
        ConfigValues.duration(
            node.required(f, "per", what + " rateLimit"), what + " rateLimit.per");
    return new RateLimit(count, per);
  }

  private static QuietHours quietHours(String what, YamlNode node) {
    String section = what + " quietHours";
    Map<String, YamlNode> f = node.fields(section, Set.of("from", "to", "zone"));
    var from = ConfigValues.timeOfDay(node.required(f, "from", section), section + ".from");
    var to = ConfigValues.timeOfDay(node.required(f, "to", section), section + ".to");
    YamlNode zoneNode = node.required(f, "zone", section);
    String zoneText = zoneNode.text(section + ".zone").trim();
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneText);
    } catch (DateTimeException e) {
      throw zoneNode.error(section + ".zone is not a time zone: '" + zoneText + "'");
    }
    if (from.equals(to)) {
      throw node.error(section + " from and to must differ, both were " + from);
    }
    return new QuietHours(from, to, zone);
  }

  private static Route route(YamlNode node, Set<String> sinkNames, int index) {
    Set<String> allowed =
        Set.of("name", "languages", "platforms", "channels", "categories", "minScore", "sinks");
    Map<String, YamlNode> f = node.fields("route " + index, allowed);
    String name = optional(f, "name").map(n -> n.text("route name").trim()).orElse("#" + index);
    String what = "route '" + name + "'";
    double minScore =
        optional(f, "minScore").map(n -> ConfigValues.score(n, what + " minScore")).orElse(0.0);
    YamlNode sinksNode = node.required(f, "sinks", what);
    List<String> sinks = ConfigValues.texts(sinksNode, what + " sinks");
    if (sinks.isEmpty()) {
      throw sinksNode.error(what + " must name at least one sink");
    }
    List<YamlNode> sinkElements =
        sinksNode.kind() == YamlNode.Kind.SEQUENCE ? sinksNode.elements("sinks") : List.of();
    for (int i = 0; i < sinks.size(); i++) {
      if (!sinkNames.contains(sinks.get(i))) {
        YamlNode at = sinkElements.isEmpty() ? sinksNode : sinkElements.get(i);
        throw at.error(
            what
                + " names unknown sink '"
                + sinks.get(i)
                + "'; defined: "
                + String.join(", ", sinkNames));
      }
    }
    return new Route(
        name,
        list(f, "languages", what),
        list(f, "platforms", what),
        list(f, "channels", what),
        list(f, "categories", what),
        minScore,
        sinks);
  }

  private static List<String> list(Map<String, YamlNode> f, String field, String what) {
    return optional(f, field).map(n -> ConfigValues.texts(n, what + " " + field)).orElse(List.of());
  }
}
