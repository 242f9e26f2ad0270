package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void shouldFindCountriesCapitalsDemonymsAndConflictPlaces() {
        assertThat(gazetteer.find("Peruvian police met Kenyan envoys in Nairobi and Goma, Mali and Kosovo."))
                .extracting(Place::name, Place::countryCode)
                .containsExactly(tuple("Peruvian", "PE"), tuple("Kenyan", "KE"), tuple("Nairobi", "KE"),
                        tuple("Goma", "CD"), tuple("Mali", "ML"), tuple("Kosovo", "XK"));
    }

    @Test
    void shouldPreferTheLongestNameAndKeepDirections() {
        assertThat(gazetteer.find("Clashes in northern Kosovo and the Gaza Strip and South Sudan."))
                .extracting(Place::name, Place::countryCode)
                .containsExactly(tuple("northern Kosovo", "XK"), tuple("Gaza Strip", "PS"), tuple("South Sudan", "SS"));
    }

    @Test
    void shouldMatchAcronymsOnlyInCapitals() {
        assertThat(gazetteer.find("The U.S. and the UK said us.")).extracting(Place::countryCode).containsExactly("US", "GB");
    }

    @Test
    void shouldCoverEveryCountry() {
        assertThat(gazetteer.countryName("BT")).isEqualTo("Bhutan");
        assertThat(gazetteer.countryName("XK")).isEqualTo("Kosovo");
        assertThat(gazetteer.find("Uruguay's president")).extracting(Place::countryCode).containsExactly("UY");
    }

    @Test
    void shouldNameEveryCountryAndDependentTerritoryOfIso3166() {
        Gazetteer g = Gazetteer.load();
        assertThat(java.util.Locale.getISOCountries())
                .allSatisfy(code -> assertThat(g.countryName(code)).as(code).isNotNull());
        assertThat(g.find("Riot police were sent to Noum\u00e9a, in New Caledonia."))
                .extracting(Place::countryCode).containsOnly("NC");
        assertThat(g.find("Crowds gathered in Nuuk, the capital of Greenland.")).extracting(Place::countryCode).containsOnly("GL");
    }
}
