using BotTriage.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostFolders.ContentRoot(args) });
builder.AddBotTriage();
var app = builder.Build();
app.MapBotTriage();
app.Run();

/// <summary>The web host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
