package org.crossingwatch.collectors.telegram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Counts the bytes read and keeps those not yet {@linkplain #discardBefore discarded}, so the exact
 * bytes of one JSON value can be hashed while a streaming parser reads ahead. Memory stays bounded
 * by what the parser buffers plus one value.
 */
final class RecordingInputStream extends FilterInputStream {
  private byte[] kept = new byte[1 << 16];
  private long keptFrom; // file offset of kept[0]
  private int keptLength;
  private volatile long bytesRead;

  RecordingInputStream(InputStream in) {
    super(in);
  }

  long bytesRead() {
    return bytesRead;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      keep(buffer, offset, n);
    }
    return n;
  }

  private void keep(byte[] buffer, int offset, int n) {
    if (keptLength + n > kept.length) {
      kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + n));
    }
    System.arraycopy(buffer, offset, kept, keptLength, n);
    keptLength += n;
    bytesRead += n;
  }

  /** The bytes from file offset {@code start} (inclusive) to {@code end} (exclusive). */
  byte[] bytes(long start, long end) {
    if (start < keptFrom || end > keptFrom + keptLength || start > end) {
      throw new IllegalStateException(
          "Bytes "
              + start
              + ".."
              + end
              + " are not kept (kept "
              + keptFrom
              + ".."
              + (keptFrom + keptLength)
              + ")");
    }
    return Arrays.copyOfRange(kept, (int) (start - keptFrom), (int) (end - keptFrom));
  }

  /** Forgets the bytes before file offset {@code offset}. */
  void discardBefore(long offset) {
    int drop = (int) Math.min(keptLength, Math.max(0, offset - keptFrom));
    if (drop == 0) {
      return;
    }
    System.arraycopy(kept, drop, kept, 0, keptLength - drop);
    keptLength -= drop;
    keptFrom += drop;
    if (kept.length > (1 << 20) && keptLength < kept.length / 4) {
      kept = Arrays.copyOf(kept, Math.max(1 << 16, keptLength * 2));
    }
  }
}
