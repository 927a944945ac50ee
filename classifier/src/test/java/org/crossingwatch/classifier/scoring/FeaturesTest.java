package org.crossingwatch.classifier.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.RuleHit;
import org.junit.jupiter.api.Test;

class FeaturesTest {
  private static final ExtractedEntity PHONE =
      new ExtractedEntity(
          ExtractedEntity.Type.PHONE, "+218 91 000 1234", "+218910001234", 40, 56, Map.of());

  @Test
  void anOfferWithAPhoneNumberAndNoNegativeContextCountsAsOfferAndContact() {
    Map<String, Double> features =
        Features.of(
            List.of(new RuleHit("ar.crossing.sea-trip", "crossing_offer", "ar", 2.5)),
            List.of(PHONE));

    assertThat(features)
        .containsEntry("crossing_offer", 2.5)
        .containsEntry(Features.PHONE, 1.0)
        .containsEntry(Features.OFFER_AND_CONTACT, 1.0)
        .containsEntry(Features.OFFER_AND_NEGATIVE, 0.0)
        .containsEntry(Features.CONTACT_WITHOUT_NEGATIVE, 1.0);
  }

  @Test
  void aTravelAgencysPhoneNumberIsNotContactWithoutNegativeContext() {
    Map<String, Double> features =
        Features.of(
            List.of(
                new RuleHit("ar.documents.passports", "documents", "ar", 1.0),
                new RuleHit("neg.travel.legit", "legit_travel", "any", -2.5)),
            List.of(PHONE));

    assertThat(features)
        .containsEntry(Features.PHONE, 1.0)
        .containsEntry(Features.CONTACT_WITHOUT_NEGATIVE, 0.0)
        .containsEntry("legit_travel", -2.5);
  }

  @Test
  void aRuleBelowTheOfferWeightOnlyNamesATopicAndMakesNoOfferInteraction() {
    Map<String, Double> features =
        Features.of(
            List.of(new RuleHit("any.documents.passport-emoji", "documents", "any", 1.0)),
            List.of(PHONE));

    assertThat(features)
        .containsEntry("documents", 1.0)
        .containsEntry(Features.OFFER_AND_CONTACT, 0.0)
        .containsEntry(Features.OFFER_AND_PRICE, 0.0)
        .containsEntry(Features.OFFER_AND_PLACE, 0.0)
        .containsEntry(Features.CONTACT_WITHOUT_NEGATIVE, 1.0);
  }

  @Test
  void everyFeatureIsPresentInTheModelsOrder() {
    Map<String, Double> features = Features.of(List.of(), List.of());

    assertThat(features.keySet()).containsExactlyElementsOf(Features.NAMES);
    assertThat(features.values()).containsOnly(0.0);
    assertThat(Features.NAMES)
        .endsWith(
            "legit_trade",
            "personal",
            Features.PHONE,
            Features.PRICE_ENTITY,
            Features.HANDLE,
            Features.WALLET,
            Features.PLACE_DEPARTURE,
            Features.PLACE_TRANSIT,
            Features.PLACE_DESTINATION,
            Features.OFFER_AND_CONTACT,
            Features.OFFER_AND_PRICE,
            Features.OFFER_AND_PLACE,
            Features.OFFER_AND_NEGATIVE,
            Features.CONTACT_WITHOUT_NEGATIVE);
  }
}
