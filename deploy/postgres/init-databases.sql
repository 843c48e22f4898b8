-- One database per service (each service's Flyway creates its own tables).
CREATE DATABASE case_service;
CREATE DATABASE dispatch_service;
CREATE DATABASE assessment_service;
CREATE DATABASE party_registry_service;
-- Personal-data keys (service-common's common.personaldata), apart from the events: a backup of a service's
-- database holds no key. Back them up separately (and less widely); erasure destroys keys here.
CREATE DATABASE case_service_keys;
CREATE DATABASE party_registry_service_keys;
