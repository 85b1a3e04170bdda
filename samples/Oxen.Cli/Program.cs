using Oxen.Video.Models;

foreach (var model in OxenModels.All)
{
    Console.WriteLine($"{model.Id,-55} {model.DisplayName}");
}

return 0;
