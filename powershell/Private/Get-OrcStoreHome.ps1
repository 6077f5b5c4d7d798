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
        return $env:ORC_HOME
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
