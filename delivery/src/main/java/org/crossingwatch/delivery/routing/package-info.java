/**
 * Which alerts go to which sinks: {@link org.crossingwatch.delivery.routing.Route} rules from the
 * configuration, applied by {@link org.crossingwatch.delivery.routing.Router}.
 */
package org.crossingwatch.delivery.routing;
