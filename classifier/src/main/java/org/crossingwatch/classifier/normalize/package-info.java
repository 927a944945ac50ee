/**
 * Text normalisation before analysis: {@link org.crossingwatch.classifier.normalize.Normalizer}
 * turns a post's text into the form that is analysed and matched, keeping a map back to the
 * original for highlighting.
 */
package org.crossingwatch.classifier.normalize;
