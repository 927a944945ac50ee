package org.crossingwatch.console;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.crossingwatch.console.auth.Session;
import org.crossingwatch.console.export.EvidenceExporter;
import org.crossingwatch.console.view.AlertRecord;

/** Evidence export: {@code GET /api/export?ids=a,b} answers a ZIP. */
final class ExportApi {
  private final EvidenceExporter exporter;
  private final Auditor auditor;
  private final Clock clock;

  ExportApi(EvidenceExporter exporter, Auditor auditor, Clock clock) {
    this.exporter = exporter;
    this.auditor = auditor;
    this.clock = clock;
  }

  void export(Context ctx) {
    List<String> ids =
        ctx.queryParams("ids").stream()
            .flatMap(v -> Arrays.stream(v.split(",", -1)))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    List<AlertRecord> alerts;
    try {
      alerts = exporter.resolve(ids);
    } catch (NoSuchElementException e) {
      throw new ApiException(404, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Session session = WebSecurity.session(ctx);
    Instant now = clock.instant();
    // Audit first, so the export's own entry is part of the evidence it ships.
    for (AlertRecord alert : alerts) {
      auditor.record(
          ctx,
          session.user(),
          "export",
          alert.id(),
          Map.of("alerts", String.valueOf(alerts.size())));
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try {
      exporter.write(alerts, session.user(), now, zip);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the evidence export", e);
    }
    String stamp = now.toString().replace(":", "").replaceAll("\\.\\d+", "");
    ctx.contentType("application/zip")
        .header(
            "Content-Disposition",
            "attachment; filename=\"crossingwatch-evidence-" + stamp + ".zip\"")
        .result(zip.toByteArray());
  }
}
