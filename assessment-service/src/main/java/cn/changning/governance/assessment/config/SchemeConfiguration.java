package cn.changning.governance.assessment.config;

import cn.changning.governance.assessment.domain.scheme.SchemeLibrary;
import cn.changning.governance.assessment.domain.scheme.WhatIf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scoring schemes (versioned data, checked at start: a bad file stops the service naming the file and entry) and
 * what-if re-scoring. The {@code ScoredPeriods} port what-if reads is provided by the ratings' read model, not here:
 * the what-if endpoint takes it when present and answers 503 until it is.
 */
@Configuration(proxyBeanMethods = false)
public class SchemeConfiguration {

    /** Also the service's {@code SchemeCatalogue}: the schemes by id and the current ones. */
    @Bean
    public SchemeLibrary schemeLibrary() {
        return SchemeLibrary.load(DataFiles::read);
    }

    @Bean
    public WhatIf whatIf(SchemeLibrary schemes) {
        return new WhatIf(schemes);
    }
}
