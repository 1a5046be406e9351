using Digest.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddDigestFunctions();

var app = builder.Build();
app.ValidateDigestOptions();
app.Run();
