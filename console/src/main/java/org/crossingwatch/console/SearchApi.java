package org.crossingwatch.console;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crossingwatch.console.search.SearchIndex;
import org.crossingwatch.console.search.SearchQuery;
import org.crossingwatch.console.view.AlertStore;

/** Search by text, phone, handle, wallet, channel and date. */
final class SearchApi {
  private static final int MAX_RESULTS = 200;

  private final SearchIndex index;
  private final AlertStore store;
  private final Auditor auditor;

  SearchApi(SearchIndex index, AlertStore store, Auditor auditor) {
    this.index = index;
    this.store = store;
    this.auditor = auditor;
  }

  void search(Context ctx) {
    SearchQuery query = SearchQuery.fromQuery(ctx.queryParamMap());
    Map<String, String> details = new TreeMap<>();
    query.text().ifPresent(v -> details.put("q", v));
    query.phone().ifPresent(v -> details.put("phone", v));
    query.handle().ifPresent(v -> details.put("handle", v));
    query.wallet().ifPresent(v -> details.put("wallet", v));
    query.channel().ifPresent(v -> details.put("channel", v));
    query.from().ifPresent(v -> details.put("from", v.toString()));
    query.to().ifPresent(v -> details.put("to", v.toString()));
    auditor.record(ctx, WebSecurity.session(ctx).user(), "search", "alerts", details);
    List<Map<String, Object>> results =
        index.search(query, MAX_RESULTS).stream()
            .flatMap(id -> store.alert(id).stream())
            .map(r -> AlertJson.summary(r, store))
            .toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("query", details);
    json.put("alerts", results);
    ctx.json(json);
  }
}
