function Test-OrcElevated {
    <#
    .SYNOPSIS
        Windows only: reports whether this session holds an elevated administrator token (or is SYSTEM).
    .DESCRIPTION
        Registering a task writes the store under %ProgramData%, installs orc-exec under
        %ProgramFiles% and registers a task that runs as SYSTEM or another account: all three
        need "Run as administrator". With UAC a member of Administrators is not elevated until
        then, and IsInRole(Administrator) says so. Tests mock this function.
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()

    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
    return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}
