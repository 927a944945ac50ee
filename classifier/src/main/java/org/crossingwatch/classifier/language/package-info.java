/**
 * Script and language detection for posts in the project's languages, several per post. Use {@link
 * org.crossingwatch.classifier.language.LanguageDetector#shipped()}; {@link
 * org.crossingwatch.classifier.language.ScriptSegmenter} is public for callers that need the script
 * runs themselves. The shipped model ({@code langid-v1.tsv.gz}) is trained by {@code
 * LanguageModelTrainer} from the training text under the module's test resources.
 */
package org.crossingwatch.classifier.language;
