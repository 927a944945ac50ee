/**
 * The scoring model: {@link org.crossingwatch.classifier.scoring.Features} turns a post's rule hits
 * and entities into named feature values, {@link org.crossingwatch.classifier.scoring.ScoringModel}
 * (a versioned JSON file) weighs them into a probability, and {@link
 * org.crossingwatch.classifier.scoring.LogisticRegression} learns the weights from labelled posts.
 */
package org.crossingwatch.classifier.scoring;
