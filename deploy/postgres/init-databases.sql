-- One database per service (each service's Flyway creates its own tables).
CREATE DATABASE case_service;
CREATE DATABASE dispatch_service;
CREATE DATABASE assessment_service;
CREATE DATABASE party_registry_service;
