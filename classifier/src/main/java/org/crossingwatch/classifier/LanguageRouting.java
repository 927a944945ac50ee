package org.crossingwatch.classifier;

/**
 * Which rules a post is checked against. Either way each rule is matched with the analysis of its
 * own language (see {@link org.crossingwatch.classifier.analysis.PostFields}).
 */
public enum LanguageRouting {
  /**
   * Every rule against every post: the post is analysed for every language. Rules then also match
   * posts in other languages that share their words or emojis, which the shipped scoring model was
   * trained with.
   */
  ALL_LANGUAGES,

  /**
   * A rule only against posts in its language: the languages detected with confidence, or every
   * language of the script of one detected without; rules of language {@code any} against every
   * post. Cheaper as rules grow, since the presearcher never considers other languages' rules.
   */
  DETECTED_LANGUAGES
}
