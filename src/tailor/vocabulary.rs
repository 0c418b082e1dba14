//! The terms worth looking for in a posting: the résumé's own skills,
//! technologies and concepts, and a built-in list of common technology
//! terms, so that what a posting asks for and the résumé lacks is found too.

use std::collections::HashMap;

use super::words::{Word, capitalized, key, key_of, words};
use crate::model::types::Resume;

/// Common technology terms: languages, frameworks, data stores, clouds, tools and practices.
#[rustfmt::skip]
const BUILT_IN: &[&str] = &[
    // Languages
    "Java", "Kotlin", "Scala", "Python", "Go", "Rust", "C++", "C#", "Ruby", "PHP", "JavaScript",
    "TypeScript", "Swift", "Objective-C", "Elixir", "Erlang", "Haskell", "Clojure", "F#", "Dart",
    "Perl", "Bash", "SQL", "GraphQL", "Solidity",
    // Frameworks and runtimes
    "Node.js", "Deno", "Spring", "Spring Boot", "Django", "Flask", "FastAPI", "Ruby on Rails",
    "Rails", "Laravel", "React", "Next.js", "Angular", "Vue", "Svelte", "Express", "ASP.NET",
    "gRPC", "Protobuf", "Thrift", "REST", "REST APIs", "OpenAPI", "WebSockets", "Akka",
    "Vert.x", "Hibernate", "JPA", "JVM", "Tokio",
    // Data stores and streaming
    "PostgreSQL", "MySQL", "MariaDB", "SQLite", "Oracle", "SQL Server", "MongoDB", "Redis",
    "Memcached", "Cassandra", "ScyllaDB", "DynamoDB", "CockroachDB", "Spanner", "Bigtable",
    "Elasticsearch", "OpenSearch", "Snowflake", "BigQuery", "Redshift", "ClickHouse", "Kafka",
    "RabbitMQ", "SQS", "SNS", "Kinesis", "Pulsar", "NATS", "Flink", "Spark", "Hadoop", "Airflow",
    "dbt", "Debezium",
    // Clouds and infrastructure
    "AWS", "GCP", "Azure", "EC2", "S3", "Lambda", "ECS", "EKS", "GKE", "CloudFormation",
    "Docker", "Kubernetes", "Helm", "Terraform", "Pulumi", "Ansible", "Linux", "Nginx", "Envoy",
    "Istio", "Consul", "Vault",
    // Observability and delivery
    "Prometheus", "Grafana", "Datadog", "New Relic", "Splunk", "OpenTelemetry", "Jaeger",
    "Sentry", "PagerDuty", "Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "Argo CD", "Git",
    "CI/CD",
    // Practices and domains
    "Microservices", "Distributed systems", "Event-driven architecture", "Event sourcing",
    "CQRS", "Domain-driven design", "System design", "API design", "Data modeling",
    "Data pipelines", "ETL", "Stream processing", "Observability", "Monitoring", "On-call",
    "Incident response", "SRE", "DevOps", "Infrastructure as code", "TDD", "Unit testing",
    "Integration testing", "Code review", "Agile", "Scrum", "Machine learning", "Security",
    "OAuth", "PCI DSS", "SOX", "GDPR", "Payments", "Billing", "Ledger", "Reconciliation",
    "Idempotency", "Scalability", "Reliability", "High availability", "Performance tuning",
    "Caching", "Concurrency", "Multithreading",
];

/// Terms that, written in lower case, are ordinary words (`go`, `rust`, `the rest`).
const PROPER: &[&str] = &[
    "Go", "Rust", "Swift", "Spring", "Dart", "Express", "Oracle", "Vault", "REST",
];

/// Terms by key, with the most words any term has.
#[derive(Debug)]
pub struct Vocabulary {
    /// For each term's key, whether it only counts when capitalized.
    terms: HashMap<String, bool>,
    longest: usize,
}

impl Vocabulary {
    /// The built-in terms and the résumé's skills, technologies and concepts.
    pub fn new(resume: &Resume) -> Self {
        let from_resume = resume
            .skills
            .iter()
            .flat_map(|group| &group.items)
            .chain(
                resume
                    .experience
                    .iter()
                    .flat_map(|job| &job.groups)
                    .flat_map(|group| &group.technologies),
            )
            .chain(
                resume
                    .projects
                    .iter()
                    .flat_map(|project| project.technologies.iter().chain(&project.concepts)),
            )
            .map(String::as_str);
        let mut vocabulary = Vocabulary {
            terms: HashMap::new(),
            longest: 0,
        };
        for term in BUILT_IN.iter().copied().chain(from_resume) {
            let term_words = words(term);
            let key = key_of(&term_words);
            if !key.is_empty() {
                vocabulary.longest = vocabulary.longest.max(term_words.len());
                vocabulary.terms.entry(key).or_insert(false);
            }
        }
        for term in PROPER {
            vocabulary.terms.insert(key(term), true);
        }
        vocabulary
    }

    /// How many words, from the first, make the longest term at the start of `words`.
    pub fn term_at(&self, words: &[Word<'_>]) -> Option<usize> {
        (1..=self.longest.min(words.len())).rev().find(|&n| {
            let run = &words[..n];
            self.terms
                .get(&key_of(run))
                .is_some_and(|&proper| !proper || capitalized(run))
        })
    }

    /// Whether a key only counts when written with a capital (`Go`).
    pub fn is_proper(&self, key: &str) -> bool {
        self.terms.get(key).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_longest_term_and_respects_capitals() {
        let vocabulary = Vocabulary::new(&Resume::default());
        let text = "Spring Boot services; go with Go";
        let found = words(text);
        assert_eq!(vocabulary.term_at(&found), Some(2));
        assert_eq!(vocabulary.term_at(&found[3..]), None, "go, the verb");
        assert_eq!(vocabulary.term_at(&found[5..]), Some(1), "Go, the language");
        assert!(vocabulary.is_proper(&key("Go")));
    }

    #[test]
    fn includes_the_resumes_own_terms() {
        let resume = crate::model::real_resume();
        let vocabulary = Vocabulary::new(&resume);
        for term in ["Dunning", "Double-entry ledger", "Schema evolution"] {
            assert_eq!(
                vocabulary.term_at(&words(term)),
                Some(words(term).len()),
                "{term}"
            );
        }
    }
}
