package org.crossingwatch.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The two loopback ports of the embedded broker.
 *
 * @param brokerPort the client (PLAINTEXT) listener port
 * @param controllerPort the KRaft controller listener port
 */
record Ports(int brokerPort, int controllerPort) {
  static final String LOOPBACK = "127.0.0.1";

  Ports {
    checkPort(brokerPort, "brokerPort");
    checkPort(controllerPort, "controllerPort");
    if (brokerPort == controllerPort) {
      throw new IllegalArgumentException(
          "brokerPort and controllerPort must differ, both are " + brokerPort);
    }
  }

  /**
   * Asks the OS for two distinct free ports on 127.0.0.1. Both probe sockets stay open until both
   * ports are known, so the two cannot be the same; another process may still take one before Kafka
   * binds it, which {@link EmbeddedKafkaBroker} handles by retrying on new ports.
   *
   * @throws UncheckedIOException if the OS gives no free port
   */
  static Ports free() {
    try {
      InetAddress loopback = InetAddress.getByName(LOOPBACK);
      try (ServerSocket broker = new ServerSocket(0, 1, loopback);
          ServerSocket controller = new ServerSocket(0, 1, loopback)) {
        return new Ports(broker.getLocalPort(), controller.getLocalPort());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }

  private static void checkPort(int port, String name) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be in 1..65535, was " + port);
    }
  }
}
