package org.crossingwatch.console;

import java.time.Clock;
import java.util.Objects;
import org.crossingwatch.console.auth.Users;
import org.crossingwatch.console.search.SearchIndex;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.console.view.EventSink;

/**
 * What the console's HTTP layer works on. {@link Console#start} wires the Kafka-backed ones; tests
 * may pass in-memory ones.
 *
 * @param users the users who may log in
 * @param store the view of alerts, decisions and audit events
 * @param index the search index
 * @param sink where decisions and audit events are written
 * @param clock the time source for sessions, decisions and audit events
 */
public record ConsoleServices(
    Users users, AlertStore store, SearchIndex index, EventSink sink, Clock clock) {
  public ConsoleServices {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(clock, "clock");
  }
}
