package org.crossingwatch.console;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crossingwatch.console.view.EventSink;
import org.crossingwatch.model.AuditEvent;
import org.crossingwatch.model.SchemaVersion;

/**
 * Writes who did what, when and from where to the audit topic. Fails closed: when the event cannot
 * be written, the request fails with 503 and the action is not shown or done.
 */
final class Auditor {
  private final EventSink sink;
  private final Clock clock;

  Auditor(EventSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  void record(Context ctx, String user, String action, String target, Map<String, String> details) {
    Map<String, String> all = new LinkedHashMap<>(details);
    all.put("ip", ctx.ip());
    String agent = ctx.userAgent();
    if (agent != null) {
      all.put("userAgent", agent.length() > 200 ? agent.substring(0, 200) : agent);
    }
    try {
      sink.audit(new AuditEvent(SchemaVersion.CURRENT, user, action, target, clock.instant(), all));
    } catch (IllegalStateException e) {
      throw new ApiException(503, "The audit trail is unavailable, try again: " + e.getMessage());
    }
  }
}
