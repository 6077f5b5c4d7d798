function Test-OrcInteractive {
    <#
    .SYNOPSIS
        Whether a cmdlet may prompt: a user is at a console and the host was not started -NonInteractive.
    .DESCRIPTION
        Deployment tools (Intune, DSC, CI, scheduled tasks) start PowerShell -NonInteractive or
        without a user session; a prompt there hangs until the tool's timeout. Both shells accept
        the switch abbreviated (-noni), so any argument that is a prefix of -NonInteractive counts.
    .EXAMPLE
        if (Test-OrcInteractive) { $answer = Read-Host 'SMTP server' }
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()

    if (-not [System.Environment]::UserInteractive) { return $false }
    foreach ($argument in [System.Environment]::GetCommandLineArgs()) {
        $a = ([string]$argument).ToLowerInvariant()
        if ($a.Length -ge 5 -and $a.StartsWith('-') -and '-noninteractive'.StartsWith($a)) { return $false }
    }
    return $true
}
