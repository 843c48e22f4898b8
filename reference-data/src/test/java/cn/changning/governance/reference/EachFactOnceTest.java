package cn.changning.governance.reference;

import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The data files state each fact once: what one file owns, another refers to by code and never repeats. */
class EachFactOnceTest {

    private static final Geography GEOGRAPHY = Geography.load();
    private static final Catalogue CATALOGUE = Catalogue.load();

    private static String text(String resource) throws IOException {
        try (InputStream in = EachFactOnceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theAgenciesFileRepeatsNoStreetName() throws IOException {
        String agencies = text(AgencyDirectory.RESOURCE);
        for (Subdistrict s : GEOGRAPHY.subdistricts()) {
            assertThat(agencies).doesNotContain(s.name()).doesNotContain(s.nameZh()).doesNotContain(s.code());
        }
    }

    @Test
    void theResponsibilityListRepeatsNoItemNameOrClass() throws IOException {
        String list = text(ResponsibilityList.RESOURCE);
        assertThat(list).doesNotContain("\"itemName\"").doesNotContain("\"class\"").doesNotContain("COMPONENT");
        for (ManagementItem item : CATALOGUE.items()) {
            assertThat(list).doesNotContain(item.name()).doesNotContain(item.nameZh());
        }
    }

    @Test
    void theGeographyNamesEachPlacesParentOnce() throws IOException {
        // A grid's subdistrict is in its code, and an area's follows from its grid.
        String geography = text(Geography.RESOURCE);
        assertThat(geography).doesNotContain("\"subdistrictCode\"");
        for (Subdistrict s : GEOGRAPHY.subdistricts()) {
            assertThat(geography.split(s.nameZh(), -1)).as("mentions of %s", s.nameZh()).hasSize(2);
        }
    }

    @Test
    void theCatalogueLeavesThePersistentProblemsToTheirEnum() throws IOException {
        assertThat(text(Catalogue.RESOURCE)).doesNotContain("\"persistentProblem\"");
    }
}
