namespace FrontDesk.Dashboard.Business;

/// <summary>
/// Marks a page that opens while the first-run setup is not done (the wizard itself, the wall
/// display); every other page sends the browser to /setup until then.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedBeforeSetupAttribute : Attribute;
