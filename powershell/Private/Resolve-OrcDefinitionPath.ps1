function Resolve-OrcDefinitionPath {
    <#
    .SYNOPSIS
        Expands -Path values (wildcards, folders) into definition file paths.
    .DESCRIPTION
        A folder stands for every *.json file directly in it. A path that matches nothing is
        reported through the calling cmdlet as Orc.PathNotFound (ObjectNotFound), non-terminating.
    .PARAMETER Path
        Paths, wildcards allowed.
    .PARAMETER Cmdlet
        The calling cmdlet's $PSCmdlet, used to write errors.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string[]] $Path,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    foreach ($item in $Path) {
        $found = @(Get-Item -Path $item -ErrorAction SilentlyContinue)
        if ($found.Count -eq 0) {
            $Cmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.PathNotFound' -Category ObjectNotFound -TargetObject $item `
                        -Message "No definition file matches '$item'."))
            continue
        }
        foreach ($entry in $found) {
            if ($entry.PSIsContainer) {
                Get-ChildItem -LiteralPath $entry.FullName -Filter '*.json' -File | Sort-Object Name | ForEach-Object { $_.FullName }
            }
            else {
                $entry.FullName
            }
        }
    }
}
