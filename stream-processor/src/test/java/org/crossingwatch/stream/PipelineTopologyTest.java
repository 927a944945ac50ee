package org.crossingwatch.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.crossingwatch.classifier.PostClassifier;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.Json;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.ScoredPost;
import org.crossingwatch.model.Topics;
import org.crossingwatch.model.Verdict;
import org.crossingwatch.stream.classify.PostScorer;
import org.crossingwatch.stream.deadletter.MetricsConfig;
import org.crossingwatch.stream.metrics.PipelineMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTopologyTest {
  private static final Instant COLLECTED_AT = Instant.parse("2025-02-28T09:30:00Z");

  @TempDir Path stateDir;

  private final KeywordTestClassifier classifier = new KeywordTestClassifier();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestOutputTopic<String, String> scoredPosts;
  private TestOutputTopic<String, String> alerts;
  private TestOutputTopic<String, byte[]> deadLetters;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void quietPostIsScoredAndRaisesNoAlert() {
    start(PipelineSettings.defaults());
    Post post = post("kanal_bilet", "11", "بلیط هواپیما به استانبول با تخفیف ویژه");

    rawPosts.pipeInput(post.key(), json(post));

    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(post.key(), scored(post, false)));
    assertThat(alerts.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void alertingPostIsScoredAndRaisesAnAlertKeyedByAlertId() {
    start(PipelineSettings.defaults());
    Post arabic = post("rihla_italia", "7", "رحلة إلى إيطاليا، قارب مضمون، الدفع عند الوصول");
    Post french = post("calais_uk", "8", "passage garanti vers l'Angleterre, départ ce soir");

    rawPosts.pipeInput(arabic.key(), json(arabic));
    rawPosts.pipeInput(french.key(), json(french));

    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(arabic.key(), scored(arabic, true)),
            KeyValue.pair(french.key(), scored(french, true)));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair("cw-88f2586434bfda3b", alert(arabic)),
            KeyValue.pair("cw-2794a4d71998b705", alert(french)));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void malformedRecordsGoToTheDeadLetterTopicAndLaterPostsAreStillScored() {
    start(PipelineSettings.defaults());
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0x41};
    byte[] noText =
        ("{\"platform\":\"telegram\",\"channel\":\"peredacha\",\"externalId\":\"3\","
                + "\"collectedAt\":\"2025-02-28T09:30:00Z\",\"captureSha256\":\"ab12\"}")
            .getBytes(UTF_8);
    byte[] notJson = "Продам велосипед, почти новый".getBytes(UTF_8);
    Post good = post("velo_moskva", "4", "Продаю лодку для рыбалки, недорого");

    rawPosts.pipeInput("telegram:bytes:1", notUtf8);
    rawPosts.pipeInput("telegram:peredacha:3", noText);
    rawPosts.pipeInput("telegram:velo:2", notJson);
    rawPosts.pipeInput(good.key(), json(good));

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(3);
    assertDeadLetter(
        letters.get(0),
        "telegram:bytes:1",
        notUtf8,
        "parse",
        "org.crossingwatch.model.InvalidJsonException",
        "Undecodable Post JSON: Invalid UTF-8 start byte 0xff",
        0);
    assertDeadLetter(
        letters.get(1),
        "telegram:peredacha:3",
        noText,
        "parse",
        "org.crossingwatch.model.InvalidJsonException",
        "Invalid Post JSON: missing required field 'text' in Post",
        1);
    assertDeadLetter(
        letters.get(2),
        "telegram:velo:2",
        notJson,
        "parse",
        "org.crossingwatch.model.InvalidJsonException",
        "Undecodable Post JSON: Unrecognized token 'Продам': was expecting (JSON String, Number,"
            + " Array, Object or token 'null', 'true' or 'false')",
        2);
    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(good.key(), scored(good, false)));
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void oversizedRecordGoesToTheDeadLetterTopicAndIsStillScoredAndFlagged() {
    start(PipelineSettings.defaults());
    Post big = post("big_channel", "5", "قارب");
    String head = Json.write(big);
    // Valid JSON padded with whitespace: only the size is wrong with it.
    byte[] oversized = (head + " ".repeat(700_000 - head.getBytes(UTF_8).length)).getBytes(UTF_8);
    Post next = post("big_channel", "6", "passage de nuit, places limitées");

    rawPosts.pipeInput("telegram:big_channel:5", oversized);
    rawPosts.pipeInput(next.key(), json(next));

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    assertDeadLetter(
        letters.get(0),
        "telegram:big_channel:5",
        oversized,
        "parse",
        "org.crossingwatch.stream.parse.RejectedRecordException",
        "record is 700000 bytes, over the 524288-byte limit",
        0);
    assertThat(classifier.seenTexts()).containsExactly(big.text(), next.text());
    Verdict flagged =
        KeywordTestClassifier.verdictFor(big.key(), true).withFlag(PostScorer.FLAG_OVERSIZED);
    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(big.key(), Json.write(new ScoredPost(big, flagged))),
            KeyValue.pair(next.key(), scored(next, true)));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(Alert.idFor(big.key()), Json.write(Alert.firstSighting(big, flagged))),
            KeyValue.pair(Alert.idFor(next.key()), alert(next)));
    assertThat(count(PipelineMetrics.POSTS_OVERSIZED)).isEqualTo(1.0);
  }

  @Test
  void oversizedRecordWithALongTextIsScoredAndKeptOnlyOnItsHead() {
    start(PipelineSettings.defaults().withMaxRecordBytes(200).withMaxTextChars(40));
    Post big = post("long_channel", "7", "passage garanti ".repeat(30));

    rawPosts.pipeInput(big.key(), json(big));

    assertThat(deadLetters.readRecordsToList()).hasSize(1);
    Post head = big.withText(big.text().substring(0, 40));
    assertThat(classifier.seenTexts()).containsExactly(head.text());
    Verdict flagged =
        KeywordTestClassifier.verdictFor(big.key(), true)
            .withFlag(PostScorer.FLAG_OVERSIZED)
            .withFlag(Verdict.FLAG_TRUNCATED);
    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(big.key(), Json.write(new ScoredPost(head, flagged))));
  }

  @Test
  void oversizedRecordThatIsNotAPostOnlyGoesToTheDeadLetterTopic() {
    start(PipelineSettings.defaults().withMaxRecordBytes(10));

    rawPosts.pipeInput("telegram:junk:1", "ceci n'est pas un post".getBytes(UTF_8));

    assertThat(deadLetters.readRecordsToList()).hasSize(1);
    assertThat(scoredPosts.isEmpty()).isTrue();
  }

  @Test
  void recordWithoutValueGoesToTheDeadLetterTopic() {
    start(PipelineSettings.defaults());

    rawPosts.pipeInput("telegram:empty:1", (byte[]) null);

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    assertDeadLetter(
        letters.get(0),
        "telegram:empty:1",
        null,
        "parse",
        "org.crossingwatch.stream.parse.RejectedRecordException",
        "record has no value",
        0);
    assertThat(scoredPosts.isEmpty()).isTrue();
  }

  @Test
  void deadLetterKeepsTheOriginalHeadersBeforeItsOwn() {
    start(PipelineSettings.defaults());
    Headers original = new RecordHeaders().add("collector", "rss-1".getBytes(UTF_8));
    byte[] notJson = "pas du JSON".getBytes(UTF_8);

    rawPosts.pipeInput(new TestRecord<>("rss:feed:9", notJson, original));

    assertThat(headerLines(deadLetters.readRecord().headers()))
        .containsExactly(
            "collector=rss-1",
            "cw.dlq.stage=parse",
            "cw.dlq.exception=org.crossingwatch.model.InvalidJsonException",
            "cw.dlq.reason=Undecodable Post JSON: Unrecognized token 'pas': was expecting (JSON"
                + " String, Number, Array, Object or token 'null', 'true' or 'false')",
            "cw.dlq.topic=cw.posts.raw",
            "cw.dlq.partition=0",
            "cw.dlq.offset=0");
  }

  @Test
  void overLongTextIsScoredOnATruncatedCopyAndFlagged() {
    start(PipelineSettings.defaults().withMaxTextChars(20));
    Post post = post("rihla", "12", "قارب سريع إلى لامبيدوزا، انطلاق يوم الجمعة، السعر 2000 يورو");

    rawPosts.pipeInput(post.key(), json(post));

    assertThat(classifier.seenTexts()).containsExactly(post.text().substring(0, 20));
    Verdict flagged =
        KeywordTestClassifier.verdictFor(post.key(), true).withFlag(Verdict.FLAG_TRUNCATED);
    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(post.key(), Json.write(new ScoredPost(post, flagged))));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(Alert.idFor(post.key()), Json.write(Alert.firstSighting(post, flagged))));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void truncationNeverSplitsAnEmoji() {
    start(PipelineSettings.defaults().withMaxTextChars(5));
    Post post = post("emoji", "13", "🚤🚤🚤 passage");

    rawPosts.pipeInput(post.key(), json(post));

    assertThat(classifier.seenTexts()).containsExactly("🚤🚤");
    assertThat(scoredPosts.readValue()).contains("\"flags\":[\"truncated\"]");
  }

  @Test
  void classifierFailureGoesToTheDeadLetterTopicAndTheNextPostIsScored() {
    start(PipelineSettings.defaults());
    Post boom = post("peredacha", "21", "BOOM — этот текст ломает классификатор");
    Post next = post("peredacha", "22", "Переправа через границу, passage garanti");

    rawPosts.pipeInput(boom.key(), json(boom));
    rawPosts.pipeInput(next.key(), json(next));

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    assertDeadLetter(
        letters.get(0),
        boom.key(),
        json(boom),
        "classify",
        "java.lang.IllegalStateException",
        "classifier failed on post 'telegram:peredacha:21': test classifier exploded on BOOM",
        0);
    assertThat(scoredPosts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(next.key(), scored(next, true)));
    assertThat(alerts.readKeyValuesToList())
        .containsExactly(KeyValue.pair(Alert.idFor(next.key()), alert(next)));
  }

  @Test
  void classifierSwappedBetweenPostsScoresTheNextPost() {
    KeywordTestClassifier[] current = {classifier};
    KeywordTestClassifier replacement = new KeywordTestClassifier();
    start(PipelineSettings.defaults(), () -> current[0]);
    Post first = post("kanal", "31", "Сдаю квартиру посуточно");
    Post second = post("kanal", "32", "Сдаю комнату на месяц");

    rawPosts.pipeInput(first.key(), json(first));
    current[0] = replacement;
    rawPosts.pipeInput(second.key(), json(second));

    assertThat(classifier.seenTexts()).containsExactly(first.text());
    assertThat(replacement.seenTexts()).containsExactly(second.text());
    assertThat(scoredPosts.readValuesToList()).hasSize(2);
  }

  @Test
  void countersTellWhatHappenedToEachPost() {
    start(PipelineSettings.defaults().withMaxTextChars(30));
    Post quiet = post("a", "1", "Продам велосипед");
    Post alerting = post("b", "2", "قارب إلى اليونان، انطلاق من إزمير هذا الأسبوع");
    Post boom = post("c", "3", "BOOM");

    rawPosts.pipeInput(quiet.key(), json(quiet));
    rawPosts.pipeInput(alerting.key(), json(alerting));
    rawPosts.pipeInput(boom.key(), json(boom));
    rawPosts.pipeInput("telegram:d:4", "{".getBytes(UTF_8));

    assertThat(count(PipelineMetrics.POSTS_PARSED)).isEqualTo(3.0);
    assertThat(count(PipelineMetrics.POSTS_SCORED)).isEqualTo(2.0);
    assertThat(count(PipelineMetrics.POSTS_TRUNCATED)).isEqualTo(1.0);
    assertThat(count(PipelineMetrics.ALERTS_EMITTED)).isEqualTo(1.0);
    assertThat(deadLettered("parse")).isEqualTo(1.0);
    assertThat(deadLettered("classify")).isEqualTo(1.0);
    assertThat(deadLettered("deserialize")).isEqualTo(0.0);
  }

  private void start(PipelineSettings settings) {
    start(settings, () -> classifier);
  }

  private void start(PipelineSettings settings, Supplier<PostClassifier> supplier) {
    Properties config = Pipeline.streamsConfig("test-driver:9092", settings, stateDir);
    config.put(MetricsConfig.REGISTRY_CONFIG, registry);
    driver =
        new TopologyTestDriver(
            PipelineTopology.build(new StreamsBuilder(), supplier, settings, registry), config);
    rawPosts =
        driver.createInputTopic(
            Topics.POSTS_RAW, new StringSerializer(), new ByteArraySerializer());
    scoredPosts =
        driver.createOutputTopic(
            Topics.POSTS_SCORED, new StringDeserializer(), new StringDeserializer());
    alerts =
        driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), new StringDeserializer());
    deadLetters =
        driver.createOutputTopic(Topics.DLQ, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static Post post(String channel, String id, String text) {
    return TelegramPosts.post(channel, id, text, COLLECTED_AT);
  }

  private static byte[] json(Post post) {
    return Json.write(post).getBytes(UTF_8);
  }

  private static String scored(Post post, boolean alert) {
    return Json.write(new ScoredPost(post, KeywordTestClassifier.verdictFor(post.key(), alert)));
  }

  private static String alert(Post post) {
    return Json.write(
        Alert.firstSighting(post, KeywordTestClassifier.verdictFor(post.key(), true)));
  }

  private static void assertDeadLetter(
      TestRecord<String, byte[]> letter,
      String key,
      byte[] value,
      String stage,
      String exception,
      String reason,
      long offset) {
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(headerLines(letter.headers()))
        .containsExactly(
            "cw.dlq.stage=" + stage,
            "cw.dlq.exception=" + exception,
            "cw.dlq.reason=" + reason,
            "cw.dlq.topic=cw.posts.raw",
            "cw.dlq.partition=0",
            "cw.dlq.offset=" + offset);
  }

  private static List<String> headerLines(Headers headers) {
    return StreamSupport.stream(headers.spliterator(), false)
        .map(h -> h.key() + "=" + new String(h.value(), UTF_8))
        .toList();
  }

  private double count(String name) {
    return registry.get(name).counter().count();
  }

  private double deadLettered(String stage) {
    return registry
        .get(PipelineMetrics.POSTS_DEAD_LETTERED)
        .tag(PipelineMetrics.STAGE_TAG, stage)
        .counter()
        .count();
  }
}
