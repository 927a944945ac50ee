package org.crossingwatch.app.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the JVM's shared Kafka cluster as a {@link KafkaCluster} parameter of its
 * tests, lifecycle methods and constructor. Short for
 * {@code @ExtendWith(KafkaBrokerExtension.class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(KafkaBrokerExtension.class)
public @interface WithKafka {}
