package cn.changning.governance.assessment.config;

import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference data the assessment reads (loaded and checked once at start). Each part of the service has its own
 * configuration class beside this one: indicators, resident evaluation, ratings, street assessment.
 */
@Configuration(proxyBeanMethods = false)
public class AssessmentServiceConfiguration {

    @Bean
    public Geography geography() {
        return Geography.load();
    }

    @Bean
    public Catalogue catalogue() {
        return Catalogue.load();
    }

    @Bean
    public WorkingCalendar workingCalendar() {
        return WorkingCalendar.load();
    }

    @Bean
    public AgencyDirectory agencyDirectory(Geography geography) {
        return AgencyDirectory.load(geography);
    }
}
