function Get-OrcStoreHome {
    <#
    .SYNOPSIS
        Returns the store folder orc-exec uses, with the same rules as orc-exec itself.
    .DESCRIPTION
        $env:ORC_HOME wins. Otherwise: %ProgramData%\Orchestrator on Windows, /var/lib/orchestrator
        when running as root, else $XDG_DATA_HOME/orchestrator or ~/.local/share/orchestrator.
        The folder may not exist yet (orc-exec define creates it).
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:ORC_HOME) {
        # A trailing separator would reach orc-exec as 'D:\Orc Store\"' on 5.1: the backslash
        # escapes the closing quote of a path with spaces. A root ('C:\', '/') keeps its own.
        $trimmed = $env:ORC_HOME.TrimEnd('\', '/')
        if ($trimmed -eq '' -or $trimmed -match '^[A-Za-z]:$') {
            return $env:ORC_HOME
        }
        return $trimmed
    }
    if (Test-OrcWindows) {
        $programData = $env:ProgramData
        if (-not $programData) { $programData = [System.Environment]::GetFolderPath('CommonApplicationData') }
        return Join-Path $programData 'Orchestrator'
    }
    if ((Get-OrcUserId) -eq 0) {
        return '/var/lib/orchestrator'
    }
    if ($env:XDG_DATA_HOME) {
        return Join-Path $env:XDG_DATA_HOME 'orchestrator'
    }
    $userHome = $env:HOME
    if (-not $userHome) { $userHome = [System.Environment]::GetFolderPath('UserProfile') }
    return Join-Path (Join-Path (Join-Path $userHome '.local') 'share') 'orchestrator'
}
