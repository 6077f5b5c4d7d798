function Find-OrcMigrationLegacy {
    <#
    .SYNOPSIS
        Finds running processes started the same way as a recorded legacy process (same argv and working directory; on Windows the same command line).
    .PARAMETER Process
        The recorded Orchestrator.LegacyProcess.
    .OUTPUTS
        Orchestrator.LegacyProcess
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [object] $Process
    )

    $exact = [System.Management.Automation.WildcardPattern]::Escape([string]$Process.CommandLine)
    foreach ($candidate in @(Get-OrcLegacyProcess -CommandLine $exact)) {
        if ($Process.Platform -eq 'Windows') {
            if ([string]$candidate.CommandLine -eq [string]$Process.CommandLine) { $candidate }
            continue
        }
        if ((@($candidate.Argv) -join [char]0) -eq (@($Process.Argv) -join [char]0) -and $candidate.WorkingDirectory -eq $Process.WorkingDirectory) {
            $candidate
        }
    }
}
