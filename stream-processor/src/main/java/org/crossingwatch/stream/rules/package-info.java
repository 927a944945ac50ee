/**
 * Live rules: the compacted {@code cw.rules} topic read as a global table by every instance ({@link
 * org.crossingwatch.stream.rules.RuleTableUpdater}), compiled off the stream threads and swapped in
 * atomically ({@link org.crossingwatch.stream.rules.LiveRuleSet}). Front door: {@link
 * org.crossingwatch.stream.rules.LiveRuleSet}.
 */
package org.crossingwatch.stream.rules;
