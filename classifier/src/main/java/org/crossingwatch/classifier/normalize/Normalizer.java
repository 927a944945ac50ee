package org.crossingwatch.classifier.normalize;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Normalises a post's text before analysis. The original text is never changed; the result keeps a
 * map back to it (see {@link NormalizedText}).
 *
 * <p>In order:
 *
 * <ol>
 *   <li>Unicode NFKC (full-width letters, Arabic presentation forms, ligatures);
 *   <li>zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen), emoji variation
 *       selectors and the Arabic tatweel are removed;
 *   <li>Arabic-Indic ({@code ٠-٩}) and Persian ({@code ۰-۹}) digits become ASCII digits, and the
 *       typographic apostrophes ’ and ʼ become {@code '} (so {@code l’arrivée} is {@code
 *       l'arrivée});
 *   <li>a few emojis become rule-addressable tokens: 🚤⛵🛥🛶 → {@code emoji_boat}, 🚚🚛 → {@code
 *       emoji_truck}, 🚕🚖 → {@code emoji_taxi}, ✈🛫🛬 → {@code emoji_plane}, 💶💵💷💰💸 → {@code
 *       emoji_money}, 🛂 → {@code emoji_passport}; a flag (two regional indicators) becomes {@code
 *       flag_xx} with the ISO 3166 code in lower case;
 *   <li>the currency signs € $ £ ₺ become {@code currency_eur}, {@code currency_usd}, {@code
 *       currency_gbp}, {@code currency_try}, so {@code 3000$} and {@code €2500} carry a price
 *       token;
 *   <li>in a word that mixes Latin, Cyrillic and Greek letters, look-alike letters are folded to
 *       the word's dominant script ({@code pаssport} with a Cyrillic {@code а} is {@code
 *       passport});
 *   <li>words spelled out one letter at a time are rejoined ({@code s.m.u.g}, {@code s m u g g l i
 *       n g}, {@code ت ه ر ي ب}: three or more single letters with one separator between each);
 *   <li>runs of three or more of one letter are shortened: Latin, Cyrillic and Greek vowels to one
 *       ({@code boooat} is {@code boat}), their consonants to two ({@code passsssage} is {@code
 *       passage}), letters of other scripts to one.
 * </ol>
 *
 * Tokens are surrounded by spaces so the tokenizer sees them as words. Thread-safe and stateless.
 */
public final class Normalizer {
  private static final com.ibm.icu.text.Normalizer2 NFKC =
      com.ibm.icu.text.Normalizer2.getNFKCInstance();

  private static final Map<Integer, String> SYMBOL_TOKENS =
      Map.ofEntries(
          Map.entry(0x1F6A4, "emoji_boat"), // speedboat
          Map.entry(0x26F5, "emoji_boat"), // sailboat
          Map.entry(0x1F6E5, "emoji_boat"), // motor boat
          Map.entry(0x1F6F6, "emoji_boat"), // canoe
          Map.entry(0x1F69A, "emoji_truck"), // delivery truck
          Map.entry(0x1F69B, "emoji_truck"), // articulated lorry
          Map.entry(0x1F695, "emoji_taxi"),
          Map.entry(0x1F696, "emoji_taxi"), // oncoming taxi
          Map.entry(0x2708, "emoji_plane"),
          Map.entry(0x1F6EB, "emoji_plane"), // departure
          Map.entry(0x1F6EC, "emoji_plane"), // arrival
          Map.entry(0x1F4B6, "emoji_money"), // euro banknote
          Map.entry(0x1F4B5, "emoji_money"), // dollar banknote
          Map.entry(0x1F4B7, "emoji_money"), // pound banknote
          Map.entry(0x1F4B0, "emoji_money"), // money bag
          Map.entry(0x1F4B8, "emoji_money"), // money with wings
          Map.entry(0x1F6C2, "emoji_passport"), // passport control
          Map.entry((int) '€', "currency_eur"),
          Map.entry((int) '$', "currency_usd"),
          Map.entry((int) '£', "currency_gbp"),
          Map.entry((int) '₺', "currency_try"));

  private static final int REGIONAL_INDICATOR_A = 0x1F1E6;
  private static final int REGIONAL_INDICATOR_Z = 0x1F1FF;

  private Normalizer() {}

  /**
   * Normalises one text.
   *
   * @param text any text, possibly empty
   * @return the normalised text with its map back to {@code text}
   * @throws NullPointerException if {@code text} is null
   */
  public static NormalizedText normalize(String text) {
    requireNonNull(text, "text");
    Builder nfkc = nfkc(text);
    return Deobfuscator.apply(symbols(text, nfkc));
  }

  /**
   * NFKC in chunks that start at normalisation boundaries, so each output char knows its source.
   */
  private static Builder nfkc(String text) {
    Builder out = new Builder(text.length());
    int chunkStart = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (i > chunkStart && NFKC.hasBoundaryBefore(cp)) {
        appendNfkc(text, chunkStart, i, out);
        chunkStart = i;
      }
      i += Character.charCount(cp);
    }
    if (chunkStart < text.length()) {
      appendNfkc(text, chunkStart, text.length(), out);
    }
    return out;
  }

  /** Appends the NFKC form of {@code text[start, end)}, every char mapped to that whole range. */
  private static void appendNfkc(String text, int start, int end, Builder out) {
    char c = text.charAt(start);
    // Most chunks are one char without a decomposition mapping, which NFKC leaves as it is.
    if (end == start + 1 && NFKC.getDecomposition(c) == null) {
      out.append(c, start, end);
    } else {
      out.append(NFKC.normalize(text.substring(start, end)), start, end);
    }
  }

  private static NormalizedText symbols(String original, Builder in) {
    String text = in.text.toString();
    Builder out = new Builder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      int from = in.starts[i];
      int to = in.ends[next - 1];
      if (isRegionalIndicator(cp) && next < text.length()) {
        int second = text.codePointAt(next);
        if (isRegionalIndicator(second)) {
          int after = next + Character.charCount(second);
          String code = "" + regionLetter(cp) + regionLetter(second);
          out.append(" flag_" + code + " ", from, in.ends[after - 1]);
          i = after;
          continue;
        }
      }
      String token = SYMBOL_TOKENS.get(cp);
      if (token != null) {
        out.append(" " + token + " ", from, to);
      } else if (isRemoved(cp)) {
        // dropped: contributes no character
      } else if (cp == '\u2019' || cp == '\u02BC') {
        out.append("'", from, to);
      } else if (cp >= '٠' && cp <= '٩') {
        out.append(String.valueOf((char) ('0' + cp - '٠')), from, to);
      } else if (cp >= '۰' && cp <= '۹') {
        out.append(String.valueOf((char) ('0' + cp - '۰')), from, to);
      } else {
        out.append(text.substring(i, next), from, to);
      }
      i = next;
    }
    return new NormalizedText(original, out.text.toString(), out.startArray(), out.endArray());
  }

  private static boolean isRemoved(int cp) {
    return switch (cp) {
      case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD -> true;
      case 0xFE0E, 0xFE0F -> true; // text/emoji presentation selectors
      case 0x0640 -> true; // Arabic tatweel (kashida)
      default -> false;
    };
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= REGIONAL_INDICATOR_A && cp <= REGIONAL_INDICATOR_Z;
  }

  private static char regionLetter(int cp) {
    return Character.toLowerCase((char) ('A' + cp - REGIONAL_INDICATOR_A));
  }

  /** Output text plus, per output char, the original range it came from. */
  private static final class Builder {
    final StringBuilder text;
    int[] starts;
    int[] ends;

    Builder(int capacity) {
      text = new StringBuilder(capacity);
      starts = new int[Math.max(capacity, 16)];
      ends = new int[Math.max(capacity, 16)];
    }

    void append(char c, int from, int to) {
      if (text.length() == starts.length) {
        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
      }
      starts[text.length()] = from;
      ends[text.length()] = to;
      text.append(c);
    }

    void append(String chunk, int from, int to) {
      int needed = text.length() + chunk.length();
      if (needed > starts.length) {
        int size = Math.max(needed, starts.length * 2);
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
      }
      for (int k = 0; k < chunk.length(); k++) {
        starts[text.length() + k] = from;
        ends[text.length() + k] = to;
      }
      text.append(chunk);
    }

    int[] startArray() {
      return java.util.Arrays.copyOf(starts, text.length());
    }

    int[] endArray() {
      return java.util.Arrays.copyOf(ends, text.length());
    }
  }
}
