global using AiWorkload.Orchestration.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
