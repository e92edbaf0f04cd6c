package io.astrocyte.policy.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.PiiRejectedException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.config.DlpConfig;
import io.astrocyte.config.PiiConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compatibility forms of characters (full-width digits and letters, the ideographic space) hide PII from
 * ASCII patterns unless the text is normalized first. Every built-in sample of {@link PiiCatalogTest} is
 * rewritten in full-width form and must be found with the same type, and redaction must replace exactly
 * the original full-width characters: nothing of the number left, nothing around it lost.
 */
class PiiFullWidthTest {

    /** ASCII printable characters to their full-width forms, spaces to the ideographic space. */
    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            out.append(c == ' ' ? '\u3000' : c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return out.toString();
    }

    private static PiiConfig config(String... countries) {
        return new PiiConfig(null, null, List.of(countries), null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.astrocyte.policy.barrier.PiiCatalogTest#globalSamples")
    void globalTypesAreFoundInFullWidthText(String type, String text) {
        assertRedactedLikeAscii(type, text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.astrocyte.policy.barrier.PiiCatalogTest#countrySamples")
    void countryPackTypesAreFoundInFullWidthText(String country, String type, String text) {
        assertRedactedLikeAscii(type, text, country);
    }

    private static void assertRedactedLikeAscii(String type, String ascii, String... countries) {
        PiiScanner scanner = PiiBarrier.scanner(config(countries));
        PiiMatch asciiMatch = scanner.scan(ascii).stream().filter(m -> m.type().equals(type)).findFirst()
                .orElseThrow();
        String wide = fullWidth(ascii);
        assertThat(scanner.scan(wide)).extracting(PiiMatch::type).contains(type);
        // One full-width character per ASCII character, so the ASCII span is where the wide one must be.
        String expected = wide.substring(0, asciiMatch.start()) + asciiMatch.replacement()
                + wide.substring(asciiMatch.end());
        String redacted = PiiScanner.redact(wide, scanner.scan(wide), PiiMatch::replacement);
        if (scanner.scan(ascii).size() == 1) {
            assertThat(redacted).isEqualTo(expected);
        } else {
            assertThat(redacted).contains(asciiMatch.replacement())
                    .doesNotContain(wide.substring(asciiMatch.start(), asciiMatch.end()));
        }
    }

    @Test
    void theReportedFullWidthCasesAreRedactedInPlace() {
        PiiBarrier barrier = new PiiBarrier(config("JP"), null);
        assertThat(barrier.apply("Phone: ５５５-１２３-４５６７, ask for Jo", "b").text())
                .isEqualTo("Phone: [PHONE_REDACTED], ask for Jo");
        assertThat(barrier.apply("SSN １２３-４５-６７８９ on file", "b").text()).isEqualTo("SSN [SSN_REDACTED] on file");
        assertThat(barrier.apply("card ４１１１１１１１１１１１１１１１ ok", "b").text()).isEqualTo("card [CC_REDACTED] ok");
        assertThat(barrier.apply("携帯 ０９０-１２３４-５６７８ です", "b").text()).isEqualTo("携帯 [PHONE_REDACTED] です");
        // Checksums run on the normalized digits: a full-width number failing Luhn is no card.
        assertThat(barrier.apply("order ４１１１１１１１１１１１１１１２", "b").types()).doesNotContain("credit_card");
    }

    @Test
    void rejectAndOutputDlpSeeFullWidthPiiToo() {
        PiiBarrier rejecting = new PiiBarrier(new PiiConfig(null, PiiConfig.Action.REJECT, null, null, null), null);
        assertThatThrownBy(() -> rejecting.apply("SSN １２３-４５-６７８９", "b")).isInstanceOf(PiiRejectedException.class);

        OutputDlp dlp = new OutputDlp(new DlpConfig(true, true, PiiConfig.Action.REDACT), PiiConfig.DEFAULT);
        List<MemoryHit> out = dlp.recall(List.of(MemoryHit.external("Call ５５５-１２３-４５６７ now", 0.9, "test")));
        assertThat(out.get(0).text()).isEqualTo("Call [PHONE_REDACTED] now");
    }

    @Test
    void unknownTypeOverridesAreRefusedWithTheNearestName() {
        PiiConfig typo = new PiiConfig(null, null, List.of("SG"), null,
                Map.of("credit_crad", new PiiConfig.TypeOverride(PiiConfig.Action.REJECT, null)));
        assertThatThrownBy(() -> new PiiBarrier(typo, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown PII type 'credit_crad'")
                .hasMessageContaining("did you mean 'credit_card'?");
    }

    @Test
    void upstreamTypeNamesAreAcceptedAsAliases() {
        Map<String, String> aliases = Map.of("nric", "NRIC S1234567D on file", "pan", "PAN ABCDE1234F",
                "aadhaar", "Aadhaar 2345 6789 0123", "it_codice_fiscale", "CF RSSMRA85T10A562S",
                "de_personalausweis", "Personalausweis: T22000129", "fr_insee", "NIR 1 85 05 78 006 084 36");
        aliases.forEach((upstream, text) -> {
            PiiConfig carried = new PiiConfig(null, null, List.of("SG", "IN", "IT", "DE", "FR"), null,
                    Map.of(upstream, new PiiConfig.TypeOverride(PiiConfig.Action.REJECT, null)));
            assertThat(carried.typeOverrides()).containsKey(PiiConfig.TYPE_ALIASES.get(upstream));
            assertThatThrownBy(() -> new PiiBarrier(carried, null).apply(text, "b")).as(upstream)
                    .isInstanceOf(PiiRejectedException.class);
        });
        assertThatThrownBy(() -> new PiiConfig(null, null, null, null, Map.of(
                "nric", new PiiConfig.TypeOverride(PiiConfig.Action.REJECT, null),
                "sg_nric", new PiiConfig.TypeOverride(PiiConfig.Action.WARN, null))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("name the same type");
    }
}
