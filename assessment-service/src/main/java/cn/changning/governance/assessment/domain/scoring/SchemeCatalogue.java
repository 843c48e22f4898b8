package cn.changning.governance.assessment.domain.scoring;

import java.util.Optional;

/** The scoring schemes the service knows (versioned data files), and which ones a new period uses unless told. */
public interface SchemeCatalogue {

    Optional<Scheme<AgencyInputs>> agencyScheme(String id);

    Optional<Scheme<StreetInputs>> streetScheme(String id);

    String currentAgencySchemeId();

    String currentStreetSchemeId();
}
