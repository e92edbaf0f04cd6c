package io.astrocyte.policy.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.config.PiiConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every built-in type is found in a realistic sentence, and checksum failures are left alone. */
class PiiCatalogTest {

    /** {@code type | text} for every global type; shared with {@link PiiFullWidthTest}. */
    static final List<String> GLOBAL_SAMPLES = List.of(
        "email         | Write to alice.smith+memo@example.co.uk today",
        "credit_card   | Card 4111 1111 1111 1111 expires soon",
        "iban          | Pay to GB82 WEST 1234 5698 7654 32 please",
        "ssn           | Her SSN is 123-45-6789.",
        "ip_address    | The server at 192.168.1.20 is down",
        "ip_address    | IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 seen",
        "date_of_birth | Bob was born on 12/03/1985 in Leeds",
        "date_of_birth | DOB: 1985-03-12",
        "date_of_birth | Her date of birth is 3 March 1985.",
        "phone         | Call (555) 123-4567 after six",
        "phone         | Reach me on +44 20 7946 0958");

    /** {@code country | type | text} for every country-pack type; shared with {@link PiiFullWidthTest}. */
    static final List<String> COUNTRY_SAMPLES = List.of(
        "SG | sg_nric        | NRIC S1234567D on file",
        "SG | phone          | Mobile +65 9123 4567",
        "IN | in_aadhaar     | Aadhaar 2345 6789 0123",
        "IN | in_pan         | PAN ABCDE1234F",
        "IN | phone          | Call +91 98765 43210",
        "US | us_itin        | ITIN 912-70-1234",
        "US | us_passport    | passport number: 123456789",
        "UK | uk_nino        | NI number AB 12 34 56 C",
        "GB | uk_nhs         | NHS number 943 476 5919",
        "UK | phone          | Text 07700 900 123",
        "DE | de_tax_id      | Steuer-ID: 12 345 678 901",
        "DE | de_id_card     | Personalausweis: T22000129",
        "DE | phone          | Handy 0151 12345678",
        "FR | fr_nir         | NIR 1 85 05 78 006 084 36",
        "FR | phone          | Tel 06 12 34 56 78",
        "IT | it_fiscal_code | CF RSSMRA85T10A562S",
        "IT | phone          | Cell +39 312 3456789",
        "ES | es_dni         | DNI 12345678Z",
        "ES | es_nie         | NIE X1234567L",
        "ES | phone          | Móvil 612 345 678",
        "AU | au_tfn         | TFN 123 456 782",
        "AU | au_medicare    | Medicare 2123 45670 1",
        "AU | phone          | Mobile 0412 345 678",
        "CA | ca_sin         | SIN 046 454 286",
        "JP | jp_my_number   | My Number: 1234 5678 9012",
        "JP | phone          | 携帯 090-1234-5678",
        "CN | cn_resident_id | ID 11010519491231002X",
        "CN | phone          | 手机 13812345678");

    static Stream<Arguments> globalSamples() {
        return GLOBAL_SAMPLES.stream().map(s -> Arguments.of((Object[]) split(s)));
    }

    static Stream<Arguments> countrySamples() {
        return COUNTRY_SAMPLES.stream().map(s -> Arguments.of((Object[]) split(s)));
    }

    static String[] split(String row) {
        return java.util.Arrays.stream(row.split("\\|")).map(String::strip).toArray(String[]::new);
    }

    private static List<String> types(String text, String... countries) {
        PiiScanner scanner = PiiBarrier.scanner(new PiiConfig(null, null, List.of(countries), null, null));
        return scanner.scan(text).stream().map(PiiMatch::type).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("globalSamples")
    void globalTypesAreFound(String type, String text) {
        assertThat(types(text)).contains(type);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("countrySamples")
    void countryPacksFindTheirIdentifiers(String country, String type, String text) {
        assertThat(types(text, country)).contains(type);
        if (!type.equals("phone")) {
            assertThat(types(text)).as("only with the %s pack", country).doesNotContain(type);
        }
    }

    @Test
    void checksumsKeepLookAlikeNumbersOut() {
        assertThat(types("Order 4111 1111 1111 1112 shipped")).doesNotContain("credit_card");
        assertThat(types("Ref GB82 WEST 1234 5698 7654 33")).doesNotContain("iban");
        assertThat(types("Code 000-12-3456 and 666-12-3456")).doesNotContain("ssn");
        assertThat(types("Version 999.1.1.1 released")).doesNotContain("ip_address");
        assertThat(types("SIN 046 454 287", "CA")).doesNotContain("ca_sin");
        assertThat(types("DNI 12345678A", "ES")).doesNotContain("es_dni");
        assertThat(types("ID 110105194912310021", "CN")).doesNotContain("cn_resident_id");
        assertThat(types("TFN 123 456 789", "AU")).doesNotContain("au_tfn");
        assertThat(types("Alice was born in 1985 and met Bob on 12/03/2001")).doesNotContain("date_of_birth");
        assertThat(types("The meeting is at 10:30 in room 4")).isEmpty();
    }

    @Test
    void anUnknownCountryIsAConfigErrorListingTheSupportedOnes() {
        assertThatThrownBy(() -> types("x", "XX")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'XX'").hasMessageContaining("SG").hasMessageContaining("GB");
    }

    @Test
    void overlappingFindingsMergeIntoOneSpan() {
        PiiScanner scanner = PiiBarrier.scanner(new PiiConfig(null, null, List.of("UK"), null, Map.of()));
        List<PiiMatch> m = scanner.scan("Phone 07700 900 123 now");
        assertThat(m).hasSize(1);
        assertThat(m.get(0).start()).isEqualTo(6);
    }
}
