global using AiWorkload.Ingestion.Tests.Infrastructure;
global using AiWorkload.Testing;
