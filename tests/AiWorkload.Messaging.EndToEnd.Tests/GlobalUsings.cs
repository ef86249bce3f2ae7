global using AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
